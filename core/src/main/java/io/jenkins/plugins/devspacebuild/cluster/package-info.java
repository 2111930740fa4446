/**
 * The Kubernetes cluster connection (kubeconfig, in-cluster), for kaniko and pull secrets.
 *
 * <p>May use: config, registry. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.cluster;
