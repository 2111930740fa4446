/**
 * The outcome of a run: RunResult, ImageResult, the published variables and the result files.
 *
 * <p>May use: nothing of the project (a leaf). The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.result;
