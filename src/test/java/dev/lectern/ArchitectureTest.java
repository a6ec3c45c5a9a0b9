package dev.lectern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md §2 as a test: arrows point down only, and no JavaFX below ui. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.lectern");
    }

    @Test
    void layersOnlyDependDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("entry").definedBy("dev.lectern")
                .layer("ui").definedBy("dev.lectern.ui..")
                .layer("app").definedBy("dev.lectern.app..")
                .layer("generation").definedBy("dev.lectern.generation..")
                .layer("provider").definedBy("dev.lectern.provider..")
                .layer("storage").definedBy("dev.lectern.storage..")
                .layer("lecture").definedBy("dev.lectern.lecture..")
                .whereLayer("entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("entry")
                .whereLayer("app").mayOnlyBeAccessedByLayers("entry", "ui")
                .whereLayer("generation").mayOnlyBeAccessedByLayers("entry", "ui", "app")
                .whereLayer("provider").mayOnlyBeAccessedByLayers("entry", "ui", "app", "generation")
                .whereLayer("storage").mayOnlyBeAccessedByLayers("entry", "ui", "app", "generation")
                .check(classes);
    }

    /** Issue 18's house rule: a main file that grows past 400 lines is split along what it does, not left to grow. */
    @Test
    void noMainFileIsOver400Lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(f -> lines(f) > 400)
                    .map(f -> f + " (" + lines(f) + " lines)").toList();
        }
        assertThat(tooLong).as("main files over 400 lines").isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noJavaFxBelowTheUi() {
        noClasses().that().resideInAnyPackage("dev.lectern.lecture..", "dev.lectern.storage..", "dev.lectern.provider..",
                        "dev.lectern.generation..", "dev.lectern.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli..")
                .check(classes);
    }

    @Test
    void theDomainDoesNoIo() {
        noClasses().that().resideInAPackage("dev.lectern.lecture..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net..", "okhttp3..", "com.fasterxml.jackson..", "java.nio.file..")
                .check(classes);
    }

    @Test
    void noStaticInjectorLookups() {
        noClasses().that().resideOutsideOfPackages("dev.lectern", "dev.lectern.ui")
                .should().callMethod(com.google.inject.Guice.class, "createInjector", com.google.inject.Module[].class)
                .check(classes);
    }
}
