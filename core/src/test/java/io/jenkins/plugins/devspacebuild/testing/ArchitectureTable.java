package io.jenkins.plugins.devspacebuild.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table "Allowed package dependencies" of docs/architecture.md: the rules the architecture tests enforce are read
 * from the document a newcomer reads, so the two cannot drift apart.
 */
public final class ArchitectureTable {
    public static final String ROOT = "io.jenkins.plugins.devspacebuild";
    private static final Pattern NAME = Pattern.compile("`([a-zA-Z.]+)`");

    private ArchitectureTable() {
    }

    /** docs/architecture.md, found from the module directory the tests run in. */
    public static Path document() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve("docs/architecture.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new IllegalStateException("docs/architecture.md not found above " + Path.of("").toAbsolutePath());
    }

    /** Package (relative to {@link #ROOT}) → what it may use: packages, or classes ({@code config.ConfigException}). */
    public static Map<String, Set<String>> allowed() {
        List<String> lines;
        try {
            lines = Files.readAllLines(document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> table = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Allowed package dependencies");
                continue;
            }
            if (!inSection || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String pkg = names(cells[1]).get(0);
            table.put(pkg, new LinkedHashSet<>(names(cells[3])));
        }
        if (table.isEmpty()) {
            throw new IllegalStateException("no rows in the table 'Allowed package dependencies' of " + document());
        }
        return table;
    }

    private static List<String> names(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = NAME.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Whether an entry names a class ({@code config.ConfigException}) rather than a package. */
    public static boolean isClass(String entry) {
        String last = entry.substring(entry.lastIndexOf('.') + 1);
        return !last.isEmpty() && Character.isUpperCase(last.charAt(0));
    }
}
