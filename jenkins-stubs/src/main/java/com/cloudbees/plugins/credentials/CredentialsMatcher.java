// Hand-written compile-only stub (credentials 1415.v831096eb_5534, CredentialsMatcher).
package com.cloudbees.plugins.credentials;

import java.io.Serializable;

public interface CredentialsMatcher extends Serializable {
}
