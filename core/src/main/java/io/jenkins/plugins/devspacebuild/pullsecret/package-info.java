/**
 * Image pull secrets in the cluster, added to service accounts.
 *
 * <p>May use: registry, util. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.pullsecret;
