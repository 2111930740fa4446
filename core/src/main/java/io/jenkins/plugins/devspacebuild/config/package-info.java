/**
 * devspace.yaml: loading with locations, variables, profiles, the image model (ImageConfig), the builder blocks (*Spec) and BuilderKind, the one place builder names are spelled.
 *
 * <p>May use: error. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.config;
