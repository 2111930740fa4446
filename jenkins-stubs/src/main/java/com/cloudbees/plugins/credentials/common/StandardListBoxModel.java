// Hand-written compile-only stub (credentials 1415.v831096eb_5534, common.StandardListBoxModel).
package com.cloudbees.plugins.credentials.common;

public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    public StandardListBoxModel() {
    }
}
