// Hand-written compile-only stub (credentials 1415.v831096eb_5534, common.PasswordCredentials).
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;

public interface PasswordCredentials extends Credentials {
    Secret getPassword();
}
