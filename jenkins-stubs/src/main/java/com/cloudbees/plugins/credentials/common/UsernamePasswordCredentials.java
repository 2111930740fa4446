// Hand-written compile-only stub (credentials 1415.v831096eb_5534, common.UsernamePasswordCredentials).
package com.cloudbees.plugins.credentials.common;

public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
