package io.jenkins.plugins.devspacebuild.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10 "How to measure it": real devspace.yaml files of public application repositories (src/test/resources/
 * devspace-corpus/NN: the file unchanged, a SOURCE note, stub Dockerfiles where the repository has them), each with
 * the outcome derived from DevSpace's rules for its config version in {@code expected}: the images DevSpace would
 * build (repository, tags, Dockerfile, context, builder, rebuild rule, push, disabled, restart helper) or the error. Optional
 * {@code vars} (NAME=value lines, what a CI job passes with --var) and {@code profiles} (one per line, -p) files.
 * Lines starting with '#' in {@code expected} say how the outcome compares with DevSpace and are not compared.
 */
class DevSpaceCorpusTest {
    @TempDir
    Path work;

    static Stream<String> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(DevSpaceCorpusTest.class.getResource("/devspace-corpus").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(30);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void loadsAsDevSpaceWould(String name) throws Exception {
        Path source = Path.of(DevSpaceCorpusTest.class.getResource("/devspace-corpus/" + name).toURI());
        Path project = work.resolve("project");
        copy(source, project);
        // a checkout, as on a CI agent: DevSpace's git variables need one
        Files.createDirectories(project.resolve(".git/refs/heads"));
        Files.writeString(project.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(project.resolve(".git/refs/heads/main"), "0123456789abcdef0123456789abcdef01234567\n");
        String actual = render(project, source);
        // what the loader made of it, beside the build output, to compare by hand when the expectation differs
        Path report = Path.of("target", "devspace-corpus-actual", name);
        Files.createDirectories(report.getParent());
        Files.writeString(report, actual, StandardCharsets.UTF_8);
        List<String> expected = Files.readAllLines(source.resolve("expected"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        List<String> lines = actual.lines().toList();
        assertThat(lines).as("corpus %s (%s): got%n%s", name, firstLine(source.resolve("SOURCE")), actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String e = expected.get(i);
            if (e.startsWith("error~: ")) {
                // the message may be worded differently; the place and field must be named
                assertThat(lines.get(i)).as("corpus %s line %d", name, i + 1).startsWith("error: ").contains(e.substring(8));
            } else {
                assertThat(lines.get(i)).as("corpus %s line %d", name, i + 1).isEqualTo(e);
            }
        }
    }

    /** What the loader makes of the project, one line per fact. */
    static String render(Path project, Path source) throws IOException {
        Map<String, String> vars = keyValues(source.resolve("vars"));
        List<String> profiles = Files.exists(source.resolve("profiles")) ? Files.readAllLines(source.resolve("profiles")) : List.of();
        StringBuilder out = new StringBuilder();
        try {
            ProjectConfig c = ConfigLoader.load(new ConfigLoader.Request(project.resolve("devspace.yaml"), project, vars, Map.of(), profiles));
            out.append("outcome: accepted\n");
            if (c.images().isEmpty()) {
                out.append("images: none\n");
            }
            for (ImageConfig i : c.images().values()) {
                out.append("image ").append(i.key()).append(": ").append(i.image().repository())
                        .append(" tags=").append(i.tags())
                        .append(" dockerfile=").append(c.display(i.dockerfile()))
                        .append(" context=").append(c.display(i.context()))
                        .append(" builder=").append(i.builder().name())
                        .append(" rebuild=").append(i.rebuildStrategy().yamlName())
                        .append(i.skipPush() ? " skipPush" : "")
                        .append(i.disabled() ? " disabled" : "")
                        .append(i.restartHelper().enabled() ? " restartHelper=" + i.restartHelper().kind() : "")
                        .append(i.target() == null ? "" : " target=" + i.target())
                        .append(i.buildArgs().isEmpty() ? "" : " buildArgs=" + i.buildArgs().keySet())
                        .append('\n');
            }
        } catch (ConfigProblemsException e) {
            out.append("outcome: refused\n");
            e.problems().forEach(p -> out.append("error: ").append(p).append('\n'));
        } catch (ConfigException e) {
            out.append("outcome: refused\nerror: ").append(e.getMessage()).append('\n');
        }
        return out.toString();
    }

    private static Map<String, String> keyValues(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = l.indexOf('=');
                if (eq > 0) {
                    m.put(l.substring(0, eq), l.substring(eq + 1));
                }
            }
        }
        return m;
    }

    private static String firstLine(Path p) throws IOException {
        return Files.readAllLines(p).get(0);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.collect(Collectors.toCollection(ArrayList::new))) {
                String rel = from.relativize(p).toString();
                if (rel.equals("expected") || rel.equals("SOURCE") || rel.equals("vars") || rel.equals("profiles")) {
                    continue;
                }
                Path t = to.resolve(rel);
                try {
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
