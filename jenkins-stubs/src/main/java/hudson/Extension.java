// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.Extension). Like the real annotation it is sezpoz-@Indexable, so compiling the
// plugin writes META-INF/annotations/hudson.Extension (plugin/pom-stubs.xml checks that it does).
package hudson;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.java.sezpoz.Indexable;

@Indexable
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface Extension {
    double ordinal() default 0;

    boolean optional() default false;
}
