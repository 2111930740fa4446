/**
 * The tags of a built image (tags: patterns, --tag).
 *
 * <p>May use: config. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.tag;
