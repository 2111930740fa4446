/**
 * The build context: walking it, .dockerignore, onChange files, the tar stream.
 *
 * <p>May use: config, util. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.context;
