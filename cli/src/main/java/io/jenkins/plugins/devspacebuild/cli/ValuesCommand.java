package io.jenkins.plugins.devspacebuild.cli;

import io.jenkins.plugins.devspacebuild.handoff.BuiltImage;
import io.jenkins.plugins.devspacebuild.handoff.BuiltImages;
import io.jenkins.plugins.devspacebuild.handoff.HandoffException;
import io.jenkins.plugins.devspacebuild.handoff.HandoffFiles;
import io.jenkins.plugins.devspacebuild.handoff.ValuesRewriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code devspace-build values}: the hand-off to a deploy stage, from the results file of an earlier run. */
@Command(name = "values", mixinStandardHelpOptions = true,
        description = {"Writes a copy of a Helm values file (or any YAML) in which every value naming a built image's repository, "
                + "with or without a tag, becomes repository:tag, as DevSpace does before deploying; image(REPO) becomes the repository "
                + "and tag(REPO) the tag alone. With --kustomize, writes (or updates) a kustomization's images: list."})
final class ValuesCommand implements Callable<Integer> {

    @Option(names = "--results", required = true, paramLabel = "FILE", description = "The JSON written by 'devspace-build build --output-file FILE'.")
    Path results;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "The YAML file to copy (several documents allowed).")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the copy (default: standard output). May be the input file.")
    Path output;

    @Option(names = "--kustomize", paramLabel = "FILE", description = "Write the images: list (name, newName, newTag) into this kustomization; "
            + "an existing file keeps everything else.")
    Path kustomize;

    @Option(names = "--digest", description = "Pin images by digest too (repository:tag@sha256:..., kustomize 'digest') when the run pushed them.")
    boolean digest;

    @Option(names = "--key", paramLabel = "KEY", description = "Replace only values of this mapping key (repeatable; DevSpace's kubectl deployer "
            + "uses 'image'). Default: any value, list items included (DevSpace's Helm deployer).")
    List<String> keys = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (input == null && kustomize == null) {
            throw new HandoffException("give -i FILE (a values file to copy) or --kustomize FILE, or both");
        }
        if (input == null && output != null) {
            throw new HandoffException("-o needs -i: the file to copy");
        }
        BuiltImages images = BuiltImages.read(results);
        if (images.isEmpty()) {
            err.println("warning: " + results + " holds no image with a tag (all failed?); the output is the input unchanged");
        }
        if (digest) {
            images.images().stream().filter(i -> i.digest() == null).forEach(i -> err.println(
                    "warning: image '" + i.key() + "' has no digest (it was not pushed); its tag alone is used"));
        }
        // a report line goes to stderr when the YAML itself goes to stdout
        PrintWriter report = output == null && input != null ? err : out;
        if (input != null) {
            ValuesRewriter.Rewrite r = HandoffFiles.rewriteValues(input, images, new ValuesRewriter.Options(Set.copyOf(keys), digest));
            Set<String> used = new LinkedHashSet<>();
            for (ValuesRewriter.Replacement x : r.replacements()) {
                used.add(x.imageKey());
                report.println(input + (x.document() > 1 ? " (document " + x.document() + ")" : "") + " " + x.path() + ": "
                        + x.before() + " -> " + x.after());
            }
            for (BuiltImage i : images.images()) {
                if (!used.contains(i.key())) {
                    err.println("warning: image '" + i.key() + "' (" + i.repository() + ") is named by no value of " + input);
                }
            }
            if (output == null) {
                out.print(r.text());
            } else {
                HandoffFiles.write(output, r.text());
                report.println("wrote " + output + " (" + r.replacements().size() + " value(s) replaced)");
            }
        }
        if (kustomize != null) {
            HandoffFiles.writeKustomization(kustomize, images, digest);
            report.println("wrote " + kustomize + " (images: " + images.images().size() + " entr" + (images.images().size() == 1 ? "y" : "ies") + ")");
        }
        report.flush();
        out.flush();
        return 0;
    }
}
