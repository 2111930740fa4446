// Hand-written signature stub of symbol-annotation 1.24: org/jenkinsci/Symbol.java (an annotation type). Compile-only.
// The real one is meta-annotated with annotation-indexer's @Indexed, whose only Central release breaks javac 17: left out.
package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
