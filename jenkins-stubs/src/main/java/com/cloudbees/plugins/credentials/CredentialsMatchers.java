// Hand-written compile-only stub (credentials 1415.v831096eb_5534, CredentialsMatchers).
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;

public class CredentialsMatchers {
    private CredentialsMatchers() {
    }

    public static CredentialsMatcher always() {
        throw new UnsupportedOperationException("stub");
    }

    public static CredentialsMatcher withId(@NonNull String id) {
        throw new UnsupportedOperationException("stub");
    }
}
