// Hand-written compile-only stub (credentials 1415.v831096eb_5534, common.StandardUsernameCredentials).
package com.cloudbees.plugins.credentials.common;

public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {
}
