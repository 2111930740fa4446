package io.jenkins.plugins.devspacebuild.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.jenkins.plugins.devspacebuild.testing.ArchitectureTable;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command line reaches the engine only through its API: the row 'cli' of docs/architecture.md. */
class FacesTest {
    static final String ROOT = ArchitectureTable.ROOT;

    @Test
    void theCliUsesOnlyTheEnginesApi() {
        Set<String> allowed = ArchitectureTable.allowed().get("cli");
        assertThat(allowed).as("docs/architecture.md has a row for cli").isNotEmpty();
        JavaClasses cli = new ClassFileImporter().importPath(Path.of("target/classes"));
        DescribedPredicate<JavaClass> internal = DescribedPredicate.describe("engine internals (not in the row 'cli' of docs/architecture.md)",
                c -> {
                    String name = c.getName();
                    if (!name.startsWith(ROOT + ".") || c.getPackageName().equals(ROOT + ".cli")) {
                        return false;
                    }
                    String relativePackage = c.getPackageName().substring(ROOT.length() + 1);
                    String relativeClass = relativePackage + "." + c.getSimpleName();
                    String outer = name.contains("$") ? name.substring(ROOT.length() + 1, name.indexOf('$')) : relativeClass;
                    return !allowed.contains(relativePackage) && !allowed.contains(relativeClass) && !allowed.contains(outer);
                });
        noClasses().that().resideInAPackage(ROOT + ".cli").should().dependOnClassesThat(internal).check(cli);
    }
}
