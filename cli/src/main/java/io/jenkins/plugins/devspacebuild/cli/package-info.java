/**
 * The command line ({@code devspace-build}): picocli commands that turn flags into engine options and settings and
 * print events and results.
 *
 * <p>May use: only the engine's API (the row 'cli' of docs/architecture.md, checked by FacesTest): engine, result,
 * event, error, ci, and the value types the settings are built from.
 */
package io.jenkins.plugins.devspacebuild.cli;
