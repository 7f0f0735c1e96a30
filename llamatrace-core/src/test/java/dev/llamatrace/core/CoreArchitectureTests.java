package dev.llamatrace.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps core usable by any Java library: no Spring, no Micrometer. */
class CoreArchitectureTests {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.llamatrace.core");

    @Test
    void coreDependsOnNeitherSpringNorMicrometer() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.micrometer..")
                .because("core must stay usable without Spring or Micrometer on the class path")
                .check(CORE);
    }

    @Test
    void coreClassesWereImported() {
        // Guards the rule above against passing vacuously on an empty import.
        assertThat(CORE.contain(Dispatcher.class)).isTrue();
        assertThat(CORE.contain(CoreArchitectureTests.class)).isFalse();
    }
}
