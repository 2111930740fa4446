/**
 * The ports a CI front end implements or uses: JobHistory (earlier builds) and CacheLookup (which cache to start from).
 *
 * <p>May use: cache. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.ci;
