/**
 * The builders (Docker API and CLI, kaniko, custom command, embedded), the builder port BuilderFactory with its default BuilderSelector (override, image block, fallback), and Connections (the run's daemon and cluster).
 *
 * <p>May use: builder.embedded, cache, cluster, config, context, docker, dockerfile, error, event, registry. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.builder;
