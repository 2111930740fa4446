/**
 * The base exception: an error a person can act on (where, what, what to do), and its masked form.
 *
 * <p>May use: nothing (a leaf). The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.error;
