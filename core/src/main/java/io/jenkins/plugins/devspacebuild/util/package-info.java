/**
 * Small helpers without a better home: SHA-256.
 *
 * <p>May use: nothing (a leaf). The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.util;
