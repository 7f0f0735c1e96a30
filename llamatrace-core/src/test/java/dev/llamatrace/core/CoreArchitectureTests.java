package dev.llamatrace.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/** Keeps core usable by any Java library (no Spring, no Micrometer) and its packages layered, free of cycles. */
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
    void corePackagesAreFreeOfCycles() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(CORE);
    }

    @Test
    void spansContextDeferredResultsAndInternalsKnowNothingOfTheBus() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.llamatrace.core.internal",
                        "dev.llamatrace.core.span",
                        "dev.llamatrace.core.context",
                        "dev.llamatrace.core.deferred",
                        "dev.llamatrace.core.llm",
                        "dev.llamatrace.core.token")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.llamatrace.core",
                        "dev.llamatrace.core.event",
                        "dev.llamatrace.core.callback",
                        "dev.llamatrace.core.handler",
                        "dev.llamatrace.core.trace")
                .check(CORE);
    }

    @Test
    void eventsKnowNothingOfTheCallbackApi() {
        noClasses()
                .that()
                .resideInAPackage("dev.llamatrace.core.event")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.llamatrace.core.callback", "dev.llamatrace.core.handler")
                .because("typed events are the model; the callback API is an adapter on top of them")
                .check(CORE);
    }

    @Test
    void coreClassesWereImported() {
        // Guards the rule above against passing vacuously on an empty import.
        assertThat(CORE.contain(Dispatcher.class)).isTrue();
        assertThat(CORE.contain(CoreArchitectureTests.class)).isFalse();
    }

    /** One slice per package of core, the root package (the bus) included. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.startsWith("dev.llamatrace.core") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of llamatrace-core";
        }
    };
}
