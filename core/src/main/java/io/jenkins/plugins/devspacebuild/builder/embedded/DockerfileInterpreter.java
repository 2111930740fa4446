package io.jenkins.plugins.devspacebuild.builder.embedded;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.context.ContextEntry;
import io.jenkins.plugins.devspacebuild.dockerfile.Dockerfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a Dockerfile the way Docker's builder would, for the subset that only puts files and settings on a base image,
 * and says what the image is: base, layers and configuration.
 * <p>The built stage is the target (or the last one) together with the stages it is built FROM (a {@code FROM <stage>}
 * chain); other stages are not looked at. Supported: {@code FROM} (scratch, a registry image, an earlier stage),
 * {@code ARG} (also before FROM), {@code ENV}, {@code LABEL}, {@code WORKDIR}, {@code USER}, {@code EXPOSE},
 * {@code VOLUME}, {@code ENTRYPOINT}, {@code CMD}, {@code COPY} and {@code ADD} of context files with {@code --chown}
 * (numeric ids) and {@code --chmod} (octal). Anything else is a {@link DockerfileProblem} naming file, line and
 * instruction.
 */
public final class DockerfileInterpreter {
    /** The only platform jib builds here (its default): what {@code $TARGETPLATFORM} and friends mean. */
    static final Map<String, String> PLATFORM_ARGS = Map.of("TARGETPLATFORM", "linux/amd64", "TARGETOS", "linux", "TARGETARCH", "amd64",
            "BUILDPLATFORM", "linux/amd64", "BUILDOS", "linux", "BUILDARCH", "amd64");

    private final Dockerfile dockerfile;
    private final String displayName;
    private final Map<String, String> buildArgs;
    private final Set<String> usedBuildArgs = new TreeSet<>();
    private final Map<String, String> globalArgs = new LinkedHashMap<>();
    private final SupportCheck support;

    private DockerfileInterpreter(Dockerfile dockerfile, Map<String, String> buildArgs) {
        this.dockerfile = dockerfile;
        this.displayName = dockerfile.displayName();
        this.buildArgs = buildArgs;
        this.support = new SupportCheck(dockerfile, globalArgs);
    }

    /**
     * Whether the embedded builder can build this Dockerfile, judged from its text alone: the first instruction it
     * cannot express, as a message naming file, line and instruction; empty when there is none. (What only the build
     * can see, such as an ADD source that turns out to be a tar archive, is reported by the build.)
     *
     * @param target the stage to build, or null for the last one
     */
    public static Optional<String> inexpressible(String dockerfileText, String displayName, String target) {
        try {
            Dockerfile df = Dockerfile.parse(dockerfileText, displayName);
            DockerfileInterpreter in = new DockerfileInterpreter(df, Map.of());
            in.readGlobalArgs();
            return in.firstUnsupported(in.chain(target));
        } catch (ConfigException | DockerfileProblem e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Interprets the Dockerfile for a build.
     *
     * @param context the context's entries, as hashed (the daemon's removals applied)
     * @param bases   looks registry base images up
     */
    public static ImageRecipe interpret(String dockerfileText, String displayName, String target, Map<String, String> buildArgs,
                                        List<ContextEntry> context, BaseImages bases)
            throws DockerfileProblem, IOException, InterruptedException {
        Dockerfile df;
        try {
            df = Dockerfile.parse(dockerfileText, displayName);
        } catch (ConfigException e) {
            throw new DockerfileProblem(e.getMessage());
        }
        DockerfileInterpreter in = new DockerfileInterpreter(df, buildArgs);
        in.readGlobalArgs();
        List<Dockerfile.Stage> chain = in.chain(target);
        Optional<String> unsupported = in.firstUnsupported(chain);
        if (unsupported.isPresent()) {
            throw new DockerfileProblem(unsupported.get());
        }
        return in.build(chain, new ContextFiles(context), bases);
    }

    /** The first instruction of the stages that the embedded builder cannot express, as a message; empty when none. */
    private Optional<String> firstUnsupported(List<Dockerfile.Stage> chain) {
        for (Dockerfile.Stage s : chain) {
            for (Dockerfile.Instruction ins : s.instructions()) {
                Optional<String> p = support.problem(ins);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    // ---- stages

    private void readGlobalArgs() throws DockerfileProblem {
        for (Dockerfile.Instruction ins : dockerfile.instructions()) {
            if (ins.keyword().equals("FROM")) {
                break;
            }
            for (InstructionSyntax.NameValue nv : argDeclarations(ins)) {
                String value;
                if (buildArgs.containsKey(nv.name())) {
                    value = buildArgs.get(nv.name());
                    usedBuildArgs.add(nv.name());
                } else if (nv.value() != null) {
                    value = expand(ins, nv.value(), ImageState.definedOnly(globalArgs));
                } else {
                    value = PLATFORM_ARGS.get(nv.name());
                }
                globalArgs.put(nv.name(), value);
            }
        }
    }

    /** The stages that make the target: the target and, through FROM, the earlier stages it starts from. */
    private List<Dockerfile.Stage> chain(String target) throws DockerfileProblem {
        Dockerfile.Stage stage;
        try {
            stage = dockerfile.stage(target);
        } catch (ConfigException e) {
            throw new DockerfileProblem(e.getMessage());
        }
        List<Dockerfile.Stage> chain = new ArrayList<>();
        chain.add(stage);
        while (true) {
            Optional<Dockerfile.Stage> parent = parentStage(chain.get(0));
            if (parent.isEmpty()) {
                return chain;
            }
            chain.add(0, parent.get());
        }
    }

    private Optional<Dockerfile.Stage> parentStage(Dockerfile.Stage stage) throws DockerfileProblem {
        String base = fromImage(stage).toLowerCase(Locale.ROOT);
        for (Dockerfile.Stage s : dockerfile.stages()) {
            if (s.index() >= stage.index()) {
                break;
            }
            if (s.name() != null && s.name().toLowerCase(Locale.ROOT).equals(base)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The image after FROM, with the global build arguments expanded. */
    private String fromImage(Dockerfile.Stage stage) throws DockerfileProblem {
        Dockerfile.Instruction from = stage.instructions().get(0);
        InstructionSyntax.Flagged f = InstructionSyntax.flags(from.arguments());
        List<String> words = InstructionSyntax.whitespaceWords(f.rest());
        if (words.isEmpty()) {
            throw problem(from, "FROM needs an image name");
        }
        return expand(from, words.get(0), ImageState.definedOnly(globalArgs));
    }

    // ---- interpretation

    private ImageRecipe build(List<Dockerfile.Stage> chain, ContextFiles context, BaseImages bases)
            throws DockerfileProblem, IOException, InterruptedException {
        Dockerfile.Stage first = chain.get(0);
        Dockerfile.Instruction from = first.instructions().get(0);
        String image = fromImage(first);
        ResolvedBase base = null;
        ImageState st;
        if (image.equalsIgnoreCase("scratch")) {
            st = new ImageState(BaseImageConfig.SCRATCH, ImageFilesystem.scratch());
        } else {
            try {
                base = bases.resolve(image);
            } catch (IllegalArgumentException e) {
                throw problem(from, "'" + image + "' is not a valid image name: " + e.getMessage());
            } catch (IOException e) {
                throw new IOException(location(from) + ": FROM " + image + ": " + e.getMessage(), e);
            }
            if (!base.config().onBuild().isEmpty()) {
                throw problem(from, "the base image " + image + " has ONBUILD triggers (" + String.join("; ", base.config().onBuild())
                        + "), which the embedded builder cannot run" + SupportCheck.USE_OTHER);
            }
            st = new ImageState(base.config(), ImageFilesystem.ofRegistryImage());
        }
        for (Dockerfile.Stage stage : chain) {
            st.args = new LinkedHashMap<>();
            st.cmdSet = false;
            for (Dockerfile.Instruction ins : stage.instructions()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("interpreting " + displayName + " was cancelled");
                }
                dispatch(st, ins, context);
            }
        }
        List<String> warnings = new ArrayList<>();
        Set<String> unused = new TreeSet<>(buildArgs.keySet());
        unused.removeAll(usedBuildArgs);
        if (!unused.isEmpty()) {
            warnings.add("build arguments " + String.join(", ", unused) + " are not declared by an ARG of " + displayName
                    + " (in the built stages); they have no effect");
        }
        ContainerSettings settings = new ContainerSettings(st.entrypoint, st.cmd, st.env, st.labels, st.workdir, st.user, st.ports,
                st.volumes);
        return new ImageRecipe(base, st.layers, settings, warnings);
    }

    private void dispatch(ImageState st, Dockerfile.Instruction ins, ContextFiles context) throws DockerfileProblem {
        String args = ins.arguments();
        switch (ins.keyword()) {
            case "FROM" -> {
                // the base was set up by build(); a later FROM in the chain continues from the previous stage
            }
            case "ARG" -> {
                for (InstructionSyntax.NameValue nv : argDeclarations(ins)) {
                    String value;
                    if (buildArgs.containsKey(nv.name())) {
                        value = buildArgs.get(nv.name());
                        usedBuildArgs.add(nv.name());
                    } else if (nv.value() != null) {
                        value = expand(ins, nv.value(), st.expansion());
                    } else if (globalArgs.containsKey(nv.name())) {
                        value = globalArgs.get(nv.name());
                    } else {
                        value = PLATFORM_ARGS.get(nv.name());
                    }
                    st.args.put(nv.name(), value);
                }
            }
            case "ENV" -> {
                Map<String, String> scope = st.expansion();
                for (InstructionSyntax.NameValue nv : nameValues(ins)) {
                    String name = expand(ins, nv.name(), scope);
                    String value = expand(ins, nv.value(), scope);
                    st.env.put(name, value);
                }
            }
            case "LABEL" -> {
                Map<String, String> scope = st.expansion();
                for (InstructionSyntax.NameValue nv : nameValues(ins)) {
                    String name = expand(ins, nv.name(), scope);
                    if (name.isEmpty()) {
                        throw problem(ins, "a label needs a name");
                    }
                    st.labels.put(name, expand(ins, nv.value(), scope));
                }
            }
            case "WORKDIR" -> {
                String path = expand(ins, args.strip(), st.expansion());
                if (path.isEmpty()) {
                    throw problem(ins, "WORKDIR requires exactly one argument");
                }
                String dir = ImageFilesystem.absolute(st.workdir, path);
                st.workdir = dir;
                if (st.fs.complete() && !st.fs.isDirectory(dir)) {
                    List<LayerEntry> created = new ArrayList<>();
                    for (String p : st.fs.missingParents(dir)) {
                        created.add(new LayerEntry(p, ContextEntry.Type.DIRECTORY, 0755, 0, 0, null, null));
                    }
                    created.add(new LayerEntry(dir, ContextEntry.Type.DIRECTORY, 0755, 0, 0, null, null));
                    created.forEach(st.fs::record);
                    st.layers.add(new LayerPlan(location(ins) + " WORKDIR " + dir, created));
                }
            }
            case "USER" -> {
                String user = expand(ins, args.strip(), st.expansion());
                if (user.isEmpty()) {
                    throw problem(ins, "USER requires exactly one argument");
                }
                st.user = user;
            }
            case "EXPOSE" -> {
                Map<String, String> scope = st.expansion();
                List<String> words = InstructionSyntax.whitespaceWords(args);
                if (words.isEmpty()) {
                    throw problem(ins, "EXPOSE requires at least one argument");
                }
                for (String w : words) {
                    String spec = expand(ins, w, scope);
                    st.ports.addAll(checked(ins, () -> ImageState.ports(spec)));
                }
            }
            case "VOLUME" -> {
                Map<String, String> scope = st.expansion();
                List<String> words = InstructionSyntax.jsonArray(args).orElseGet(() -> InstructionSyntax.whitespaceWords(args));
                if (words.isEmpty()) {
                    throw problem(ins, "VOLUME requires at least one argument");
                }
                for (String w : words) {
                    String v = expand(ins, w, scope).strip();
                    if (v.isEmpty()) {
                        throw problem(ins, "VOLUME specified can not be an empty string");
                    }
                    if (!v.startsWith("/")) {
                        throw problem(ins, "VOLUME " + v + ": the embedded builder needs an absolute path");
                    }
                    st.volumes.add(v);
                }
            }
            case "CMD" -> {
                st.cmd = commandLine(st, ins);
                st.cmdSet = true;
            }
            case "ENTRYPOINT" -> {
                st.entrypoint = commandLine(st, ins);
                if (!st.cmdSet) {
                    // Docker: an ENTRYPOINT resets the CMD unless this stage set one itself
                    st.cmd = null;
                }
            }
            case "COPY", "ADD" -> copy(st, ins, context);
            default -> throw new IllegalStateException(ins.keyword());
        }
    }

    private List<String> commandLine(ImageState st, Dockerfile.Instruction ins) throws DockerfileProblem {
        Optional<List<String>> exec = InstructionSyntax.jsonArray(ins.arguments());
        if (exec.isPresent()) {
            return exec.get();
        }
        String line = ins.arguments().strip();
        if (line.isEmpty()) {
            throw problem(ins, ins.keyword() + " requires at least one argument");
        }
        List<String> out = new ArrayList<>(st.shell);
        out.add(line);
        return out;
    }

    private void copy(ImageState st, Dockerfile.Instruction ins, ContextFiles context) throws DockerfileProblem {
        Map<String, String> scope = st.expansion();
        InstructionSyntax.Flagged f = InstructionSyntax.flags(ins.arguments());
        String chown = f.flags().get("chown");
        String chmod = f.flags().get("chmod");
        String owner = chown == null ? null : expand(ins, chown, scope);
        String mode = chmod == null ? null : expand(ins, chmod, scope);
        CopyOwnership own = checked(ins, () -> CopyOwnership.parse(owner, mode));
        List<String> words = InstructionSyntax.jsonArray(f.rest()).orElseGet(() -> InstructionSyntax.whitespaceWords(f.rest()));
        if (words.size() < 2) {
            throw problem(ins, ins.keyword() + " requires at least two arguments: sources and a destination");
        }
        List<String> expanded = new ArrayList<>();
        for (String w : words) {
            expanded.add(expand(ins, w, scope));
        }
        String dest = expanded.remove(expanded.size() - 1);
        CopyPlanner planner = new CopyPlanner(context, st.fs, location(ins) + ": " + ins.keyword() + ": ");
        List<LayerEntry> entries = planner.plan(new CopyPlanner.Request(ins.keyword(), expanded, dest, st.workdir, own.uid(), own.gid(),
                own.chmod()));
        String text = ins.keyword() + " " + f.rest();
        st.layers.add(new LayerPlan(location(ins) + " " + (text.length() > 200 ? text.substring(0, 197) + "..." : text), entries));
    }

    // ---- helpers

    private List<InstructionSyntax.NameValue> argDeclarations(Dockerfile.Instruction ins) throws DockerfileProblem {
        return checked(ins, () -> InstructionSyntax.argDeclarations(ins.arguments(), dockerfile.escape()));
    }

    private List<InstructionSyntax.NameValue> nameValues(Dockerfile.Instruction ins) throws DockerfileProblem {
        return checked(ins, () -> InstructionSyntax.nameValues(ins.keyword(), ins.arguments(), dockerfile.escape()));
    }

    private String expand(Dockerfile.Instruction ins, String word, Map<String, String> scope) throws DockerfileProblem {
        return checked(ins, () -> ShellWords.process(word, dockerfile.escape(), scope));
    }

    /** The value, or the syntax error it reports as a problem of the instruction. */
    private <T> T checked(Dockerfile.Instruction ins, java.util.function.Supplier<T> f) throws DockerfileProblem {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            throw problem(ins, e.getMessage());
        }
    }

    private String location(Dockerfile.Instruction ins) {
        return SupportCheck.location(dockerfile, ins);
    }

    private DockerfileProblem problem(Dockerfile.Instruction ins, String what) {
        return new DockerfileProblem(location(ins) + ": " + ins.keyword() + ": " + what);
    }
}
