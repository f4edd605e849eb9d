package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** keel import and keel reconcile, run as a user runs them, on the Chen example of examples/imports. */
class ImportCommandTest {

  private static final Path CHEN = Path.of("..", "examples", "imports", "chen");
  private static final Path STATEMENTS = Path.of("..", "examples", "imports", "statements");
  private static final Path BAD = Path.of("..", "keel-import", "src", "test", "resources", "bad");

  @TempDir Path dir;

  private Path household() throws IOException {
    try (Stream<Path> files = Files.list(CHEN)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  private static String[] importArgs(Path dir, String... extra) {
    List<String> args = new ArrayList<>(List.of("import", dir.toString()));
    for (String f : List.of("fidelity-2026.qfx", "schwab-lots-2026-06-30.csv", "schwab-transactions.csv", "schwab-positions.csv",
        "vanguard-OfxDownload.csv")) {
      args.add(STATEMENTS.resolve(f).toString());
    }
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        out.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    return out;
  }

  @Test
  void import_builds_the_household_and_the_reports_show_the_statements_figures() throws IOException {
    Path household = household();
    CliRun run = CliRun.of(importArgs(household, "--as-of", "2026-11-20"));
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("Added 26 transactions, 4 opening lots, 8 prices.", "All 13 lines agree.",
        "$112.50 (in the basis)", "on or before 2026-06-30, the date of the account's opening lots");

    CliRun gains = CliRun.of("gains", household.toString(), "--year", "2026");
    assertThat(gains.status()).isZero();
    // Fidelity: 30 VTI sold for 8,999.55 net against 8,415.00; Schwab: 100 SCHF for 3,999.88 against 3,750.00.
    assertThat(gains.out()).contains("$8,999.55", "$8,415.00", "$584.55", "$3,999.88", "$3,750.00", "$249.88");

    CliRun lots = CliRun.of("lots", household.toString(), "--as-of", "2026-11-20");
    assertThat(lots.status()).isZero();
    assertThat(lots.out()).contains("$1,187.50", "50.123", "0.035");

    CliRun analyze = CliRun.of("analyze", household.toString(), "--as-of", "2026-11-20");
    assertThat(analyze.status()).as(analyze.err()).isZero();
    assertThat(analyze.out()).contains("Total value $113,108.83");

    CliRun reconcile = CliRun.of("reconcile", household.toString(), STATEMENTS.resolve("fidelity-2026.qfx").toString(),
        STATEMENTS.resolve("schwab-positions.csv").toString(), STATEMENTS.resolve("vanguard-OfxDownload.csv").toString(),
        "--as-of", "2026-11-20");
    assertThat(reconcile.status()).as(reconcile.err()).isZero();
    assertThat(reconcile.out()).contains("All 13 lines agree.");
  }

  @Test
  void importing_twice_changes_nothing() throws IOException {
    Path household = household();
    assertThat(CliRun.of(importArgs(household, "--as-of", "2026-11-20")).status()).isZero();
    Map<String, String> before = snapshot(household);
    CliRun again = CliRun.of(importArgs(household, "--as-of", "2026-11-20"));
    assertThat(again.status()).isZero();
    assertThat(again.out()).contains("Added 0 transactions, 0 opening lots, 0 prices.", "Skipped as already imported (30)");
    assertThat(snapshot(household)).isEqualTo(before);
  }

  @Test
  void dry_run_writes_nothing() throws IOException {
    Path household = household();
    Map<String, String> before = snapshot(household);
    CliRun run = CliRun.of(importArgs(household, "--dry-run", "--as-of", "2026-11-20"));
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Dry run: nothing written", "Would add 26 transactions");
    assertThat(snapshot(household)).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"truncated.qfx", "truncated-v2.ofx", "bad-values.qfx", "unbalanced.qfx", "unknown-format.csv",
      "bad-rows-schwab.csv", "unknown-account.csv", "not-utf8.csv", "empty.csv"})
  void bad_input_is_reported_whole_and_nothing_is_written(String file) throws IOException {
    Path household = household();
    Map<String, String> before = snapshot(household);
    // A good file beside the bad one: nothing of it is written either.
    CliRun run = CliRun.of("import", household.toString(), STATEMENTS.resolve("fidelity-2026.qfx").toString(), BAD.resolve(file).toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains(BAD.resolve(file).toString(), "nothing was done").doesNotContain("Exception", "\tat ");
    assertThat(snapshot(household)).isEqualTo(before);
  }

  @Test
  void an_unknown_account_option_is_a_usage_problem() throws IOException {
    Path household = household();
    CliRun run = CliRun.of("import", household.toString(), STATEMENTS.resolve("schwab-positions.csv").toString(), "--account", "nope");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--account nope: no such account", "joint, mei-roth, jordan-brokerage, jordan-ira");
  }

  @Test
  void reconcile_lists_the_differences_before_an_import() throws IOException {
    Path household = household();
    CliRun run = CliRun.of("reconcile", household.toString(), STATEMENTS.resolve("schwab-positions.csv").toString());
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("jordan-brokerage  2026-11-20  SCHB", "DIFFERS", "4 of 4 lines differ.");
  }
}
