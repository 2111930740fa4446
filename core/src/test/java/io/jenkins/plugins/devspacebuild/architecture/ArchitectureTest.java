package io.jenkins.plugins.devspacebuild.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.jenkins.plugins.devspacebuild.testing.ArchitectureTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's package graph is the one docs/architecture.md writes down: no other edge, no cycle. */
class ArchitectureTest {
    static final String ROOT = ArchitectureTable.ROOT;
    static JavaClasses classes;
    static Map<String, Set<String>> table;

    @BeforeAll
    static void importClasses() {
        // the module's own main classes (surefire runs in the module directory)
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPath(Path.of("target/classes"));
        table = ArchitectureTable.allowed();
    }

    static String relative(JavaClass c) {
        return c.getPackageName().equals(ROOT) ? "" : c.getPackageName().substring(ROOT.length() + 1);
    }

    @Test
    void everyPackageHasARow() {
        Set<String> packages = classes.stream().map(ArchitectureTest::relative).collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).isNotEmpty().allSatisfy(p -> assertThat(table).as("docs/architecture.md has a row for package '" + p + "'")
                .containsKey(p));
    }

    @Test
    void packagesUseOnlyWhatTheTableAllows() {
        for (Map.Entry<String, Set<String>> row : table.entrySet()) {
            String pkg = row.getKey();
            if (classes.stream().noneMatch(c -> relative(c).equals(pkg))) {
                continue; // a face (cli, jenkins): checked in its own module
            }
            Set<String> allowed = row.getValue();
            List<String> forbidden = table.keySet().stream().filter(other -> !other.equals(pkg) && !allowed.contains(other))
                    .map(other -> ROOT + "." + other).toList();
            noClasses().that().resideInAPackage(ROOT + "." + pkg)
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because("docs/architecture.md allows " + pkg + " to use only " + (allowed.isEmpty() ? "no other package" : allowed))
                    .check(classes);
        }
    }

    @Test
    void thePackageGraphHasNoCycle() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theTableItselfHasNoCycleAndLeavesAreLeaves() {
        for (String leaf : List.of("error", "event", "util")) {
            assertThat(table.get(leaf)).as(leaf + " is a leaf").isEmpty();
        }
    }
}
