// Signature stub of jenkins-core 2.479.3: hudson/model/ItemGroup.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.model;

import org.springframework.security.access.AccessDeniedException;

public interface ItemGroup<T extends Item> extends PersistenceRoot, ModelObject {

    T getItem(String name) throws AccessDeniedException;
}
