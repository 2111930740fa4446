/**
 * The Docker daemon client and pushing through the daemon.
 *
 * <p>May use: config, error, event, registry. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.docker;
