/**
 * The stages of a run: load, plan (hash, decide, verify skips), schedule (Scheduler, Parallelism), per image (ImageRun), results and publish; the engine's API (BuildEngine, EngineSettings, RunOptions) and the masking boundary.
 *
 * <p>May use: builder, cache, cluster, config, context, docker, dockerfile, error, event, pullsecret, registry, result, tag. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.engine;
