// Signature stub of plain-credentials 199.v9f8e1f741799: org/jenkinsci/plugins/plaincredentials/FileCredentials.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import java.io.IOException;
import java.io.InputStream;

public interface FileCredentials extends StandardCredentials {

    InputStream getContent() throws IOException;
}
