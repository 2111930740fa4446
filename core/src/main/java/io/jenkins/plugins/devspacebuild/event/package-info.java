/**
 * Progress as typed events (BuildEvent and the small values they carry), the sinks that render them (ConsolePrinter, JsonEventWriter) and masking of secrets (SecretMasker, MaskingEventSink).
 *
 * <p>May use: nothing of the project (a leaf), so every consumer can depend on it alone; Jackson for the JSON lines. The allowed dependencies of every package are the table in docs/architecture.md, checked by
 * ArchitectureTest.
 */
package io.jenkins.plugins.devspacebuild.event;
