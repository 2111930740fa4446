// Hand-written signature stub of stapler 1903.1905.ve5a_f469356f0: org/kohsuke/stapler/DataBoundConstructor.java (an annotation type).
// Compile-only. The real one is also meta-annotated for Stapler's request handling, which needs no stub.
// (Stapler 1.263 on Maven Central has these annotations too, but its HttpResponse predates the one Jenkins 2.479.3
// ships and would make the ListBoxModel and FormValidation stubs inexact; see jenkins-stubs/README.md.)
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.CONSTRUCTOR)
@Documented
public @interface DataBoundConstructor {}
