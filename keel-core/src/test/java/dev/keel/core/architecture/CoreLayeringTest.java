package dev.keel.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's promises, checked on its compiled classes: no I/O, no clock, no framework. Everything
 * the engine knows arrives as arguments, so the CLI, the server and a developer embedding it get
 * the same answer for the same input, and a test can give it any date.
 */
class CoreLayeringTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.keel.core");
  }

  @Test
  void core_is_imported() {
    // Guards the rules below against passing vacuously on an empty import.
    assertThat(core.size()).isGreaterThan(100);
  }

  @Test
  void core_does_no_file_or_network_io() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "java.sql..")
            .because("keel-core has no I/O: adapters read and write, the engine computes");
    assertNoViolations(rule);
  }

  @Test
  void core_never_reads_the_clock() {
    ArchRule rule =
        noClasses()
            .should()
            .callMethod(java.time.LocalDate.class, "now")
            .orShould()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(java.time.LocalDateTime.class, "now")
            .orShould()
            .callMethod(java.time.ZonedDateTime.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould()
            .callMethod(java.time.Clock.class, "systemUTC")
            .because("the as-of date is an input: the engine never reads the clock");
    assertNoViolations(rule);
  }

  @Test
  void core_uses_no_framework_or_adapter() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "com.fasterxml..",
                "picocli..",
                "org.slf4j..",
                "ch.qos..",
                "io.javalin..",
                "org.jdbi..",
                "org.flywaydb..",
                "jakarta..",
                "dev.keel.io..",
                "dev.keel.cli..",
                "dev.keel.store..",
                "dev.keel.server..",
                "dev.keel.broker..",
                "dev.keel.testkit..")
            .because("keel-core is the bottom layer: adapters depend on it, never the reverse");
    assertNoViolations(rule);
  }

  private static void assertNoViolations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(core);
    assertThat(result.getFailureReport().getDetails()).isEmpty();
  }

  @Test
  void core_packages_depend_one_way() {
    // Each top-level package (tax.estimate counts as tax) is a slice; a cycle between two slices
    // means neither can be understood, tested or moved without the other. The cycles portfolio <->
    // rebalance and household <-> tax were broken by moving HouseholdEngine to engine and the
    // filer's tax facts (FilingStatus, TaxSettings) to tax; docs/architecture.md has the graph.
    ArchRule rule =
        slices()
            .matching("dev.keel.core.(*)..")
            .should()
            .beFreeOfCycles()
            .because("core packages depend one way, so each layer can be read and tested alone");
    assertNoViolations(rule);
  }
}
