/**
 * The embedded builder: its Dockerfile interpreter and the jib adapter that writes layers and images.
 *
 * <p>May use: config, context, dockerfile, error, event, registry, util. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.builder.embedded;
