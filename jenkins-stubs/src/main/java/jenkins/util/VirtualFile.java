// Signature stub of jenkins-core 2.479.3: jenkins/util/VirtualFile.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package jenkins.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

public abstract class VirtualFile implements Comparable<VirtualFile>, Serializable {

    public abstract boolean isFile() throws IOException;

    public abstract VirtualFile child(String name);

    public abstract InputStream open() throws IOException;
}
