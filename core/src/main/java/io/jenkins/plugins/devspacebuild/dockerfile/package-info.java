/**
 * Dockerfile parsing and the in-memory ENTRYPOINT/CMD override.
 *
 * <p>May use: config. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.dockerfile;
