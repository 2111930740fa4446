// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.ItemGroup).
package hudson.model;

import org.springframework.security.access.AccessDeniedException;

public interface ItemGroup<T extends Item> {
    T getItem(String name) throws AccessDeniedException;
}
