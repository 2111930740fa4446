/**
 * The registry client (manifest digests), registry credentials (static, Docker config.json) and retry of transient errors.
 *
 * <p>May use: config, error, event, util. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.registry;
