// Hand-written compile-only stub (credentials 1415.v831096eb_5534, common.StandardUsernamePasswordCredentials).
package com.cloudbees.plugins.credentials.common;

public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {
}
