/**
 * Hashing (Dockerfile, context, config), the skip decision, the cache file and its recorder.
 *
 * <p>May use: config, context, util. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.cache;
