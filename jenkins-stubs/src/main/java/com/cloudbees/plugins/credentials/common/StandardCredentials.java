// Signature stub of credentials 1415.v831096eb_5534: com/cloudbees/plugins/credentials/common/StandardCredentials.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package com.cloudbees.plugins.credentials.common;


public interface StandardCredentials extends IdCredentials {
}
