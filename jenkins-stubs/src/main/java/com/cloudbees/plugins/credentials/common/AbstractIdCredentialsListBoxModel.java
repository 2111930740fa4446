// Signature stub of credentials 1415.v831096eb_5534: com/cloudbees/plugins/credentials/common/AbstractIdCredentialsListBoxModel.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package com.cloudbees.plugins.credentials.common;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import org.springframework.security.core.Authentication;

public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T,C>, C extends IdCredentials> extends ListBoxModel {

    public AbstractIdCredentialsListBoxModel<T,C> includeEmptyValue() {
        throw new UnsupportedOperationException("stub");
    }

    public AbstractIdCredentialsListBoxModel<T,C> includeAs(Authentication authentication, Item context, Class<? extends C> type) {
        throw new UnsupportedOperationException("stub");
    }

    public AbstractIdCredentialsListBoxModel<T,C> includeCurrentValue(String value) {
        throw new UnsupportedOperationException("stub");
    }
}
