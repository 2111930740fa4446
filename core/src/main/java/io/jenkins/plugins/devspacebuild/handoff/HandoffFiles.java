package io.jenkins.plugins.devspacebuild.handoff;

import io.jenkins.plugins.devspacebuild.result.ResultFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The hand-off on files, for any front end (the CLI's {@code values} command; a CI step): reads the input, writes the
 * output atomically, and turns I/O problems into errors that name the file.
 */
public final class HandoffFiles {

    private HandoffFiles() {
    }

    /** Writes a copy of {@code input} with the built images to {@code output} (which may be the input). */
    public static ValuesRewriter.Rewrite writeValues(Path input, Path output, BuiltImages images, ValuesRewriter.Options options)
            throws HandoffException {
        ValuesRewriter.Rewrite r = rewriteValues(input, images, options);
        write(output, r.text());
        return r;
    }

    /** The copy of {@code input} with the built images, not written anywhere. */
    public static ValuesRewriter.Rewrite rewriteValues(Path input, BuiltImages images, ValuesRewriter.Options options) throws HandoffException {
        return new ValuesRewriter(images, options).rewrite(read(input, "values"), input.toString());
    }

    /** Writes the images into the kustomization {@code file}, creating it or keeping its other content. */
    public static void writeKustomization(Path file, BuiltImages images, boolean withDigest) throws HandoffException {
        String existing = Files.exists(file) ? read(file, "kustomization") : null;
        write(file, KustomizeImages.write(existing, file.toString(), images, withDigest));
    }

    static String read(Path file, String what) throws HandoffException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new HandoffException(file + ": no such " + what + " file");
        } catch (IOException e) {
            throw new HandoffException(file + ": cannot read the " + what + " file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Writes a hand-off file atomically. */
    public static void write(Path file, String text) throws HandoffException {
        try {
            ResultFiles.write(file, text);
        } catch (IOException e) {
            throw new HandoffException(file + ": cannot be written (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
