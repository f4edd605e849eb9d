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
    // Exit status 3 when a line differs ("attention needed", as analyze --exit-code).
    assertThat(run.status()).isEqualTo(3);
    assertThat(run.out()).contains("jordan-brokerage  2026-11-20  SCHB", "DIFFERS", "DIFFERENCES: 4 of 4 lines differ.");
  }

  @Test
  void reconcile_exits_zero_when_every_line_agrees() throws IOException {
    Path household = household();
    assertThat(CliRun.of(importArgs(household, "--as-of", "2026-11-20")).status()).isZero();
    CliRun run = CliRun.of("reconcile", household.toString(), STATEMENTS.resolve("schwab-positions.csv").toString());
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("All 4 lines agree.");
  }

  @Test
  void import_says_clearly_when_the_ledger_differs_from_the_statements_afterwards() throws IOException {
    Path household = household();
    // Positions alone: the ledger holds nothing of what the statement shows.
    CliRun run = CliRun.of("import", household.toString(), STATEMENTS.resolve("schwab-positions.csv").toString());
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("DIFFERENCES: 4 of 4 lines differ.");
    assertThat(run.err()).contains("keel: attention: after this import, 4 of 4 lines differ (ledger against statements)");
  }

  @Test
  void a_second_import_into_the_folder_while_one_runs_does_nothing_and_says_why() throws IOException {
    Path household = household();
    Map<String, String> before = snapshot(household);
    // A running import's lock: this process is alive.
    Files.writeString(household.resolve(".keel-import.lock"), "pid=" + ProcessHandle.current().pid() + "\nstarted=2026-11-20T10:00:00Z\n");
    before.put(".keel-import.lock", Files.readString(household.resolve(".keel-import.lock")));

    CliRun run = CliRun.of(importArgs(household, "--as-of", "2026-11-20"));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains("another keel import into", "is running", "pid=" + ProcessHandle.current().pid(), "nothing was done");
    assertThat(snapshot(household)).isEqualTo(before);
  }

  @Test
  void a_lock_left_by_an_import_that_no_longer_runs_is_taken_over() throws IOException {
    Path household = household();
    long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;
    Files.writeString(household.resolve(".keel-import.lock"), "pid=" + gone + "\nstarted=2026-11-20T10:00:00Z\n");

    CliRun run = CliRun.of(importArgs(household, "--as-of", "2026-11-20"));

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(household.resolve(".keel-import.lock")).doesNotExist();
    assertThat(household.resolve("transactions.csv")).exists();
  }

  private static final Path FIXTURE_HOUSEHOLD = Path.of("..", "keel-import", "src", "test", "resources", "fixtures-household");
  private static final Path MOVES = Path.of("..", "keel-import", "src", "test", "resources", "ofx", "moves.qfx");

  @Test
  void transfers_withholding_distributions_and_corrections_import_and_the_reports_show_them() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURE_HOUSEHOLD)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    // A transactions.csv of the older columns: the transfer's to_account column is added, every row keeping its cells.
    Files.writeString(dir.resolve("transactions.csv"), "date,account,action,symbol,quantity,price,amount,fees,lot_id\n"
        + "2025-12-31,fid-roth,deposit,,,,100.00,,\n");

    CliRun run = CliRun.of("import", dir.toString(), MOVES.toString(), "--as-of", "2026-11-20");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("2026-07-01  broker   transfer               VTI            5  to fid-indiv",
        "OFX corrections applied (2): DELETE of ofx:broker:C-11 by moves.qfx:90, REPLACE of ofx:broker:C-9 by moves.qfx:81",
        "All 5 lines agree.");
    assertThat(Files.readString(dir.resolve("lots.csv"))).contains("fid-indiv,ITOT,8,761.00,2017-06-12");
    assertThat(Files.readString(dir.resolve("transactions.csv"))).startsWith(
        "date,account,action,symbol,quantity,price,amount,fees,lot_id,to_account\n2025-12-31,fid-roth,deposit,,,,100.00,,,\n")
        .contains("2026-02-10,broker,buy,VTI,10,250.00,2500.00,,,\n2026-02-10,broker,sell,VTI,10,255.00,2550.00,,,\n"
            + "2026-02-10,broker,withdrawal,,,,51.00,,,\n")
        .endsWith("2026-07-01,broker,transfer,VTI,5,,,,,fid-indiv\n");

    // The same-day sale is of the shares bought that morning: 2,550.00 - 2,500.00 = 50.00 short-term.
    CliRun gains = CliRun.of("gains", dir.toString(), "--year", "2026");
    assertThat(gains.status()).as(gains.err()).isZero();
    assertThat(gains.out()).contains("10 sh VTI        broker   2026-02-10    2026-02-10     $2,550.00       $2,500.00", "$50.00",
        "capital gain distributions $26.20");
    // 5 of the 20 VTI bought on 2026-03-01 (basis 5,200.00) moved to fid-indiv with their basis: 1,300.00.
    CliRun lots = CliRun.of("lots", dir.toString(), "--as-of", "2026-11-20");
    assertThat(lots.status()).as(lots.err()).isZero();
    assertThat(lots.out().replaceAll(" +", " ")).contains("fid-indiv VTI broker/VTI/2.1 5 2026-03-01 2026-03-01 $1,300.00",
        "fid-indiv ITOT fid-indiv/ITOT/1 8 2017-06-12 2017-06-12 $761.00");
    assertThat(CliRun.of("reconcile", dir.toString(), MOVES.toString()).status()).isZero();

    // imports.csv keeps the transferred lot and the corrected ids: importing again adds nothing.
    assertThat(Files.readString(dir.resolve("imports.csv"))).contains(",transferred_lot,", "ofx:broker:C-9,broker,2026-06-20,corrected,");
    CliRun again = CliRun.of("import", dir.toString(), MOVES.toString(), "--as-of", "2026-11-20");
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(again.out()).contains("Added 0 transactions, 0 opening lots, 0 prices.", "All 5 lines agree.");
  }

  @Test
  void a_new_transactions_csv_gets_the_columns_its_rows_need() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURE_HOUSEHOLD)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    CliRun run = CliRun.of("import", dir.toString(), MOVES.toString(), "--as-of", "2026-11-20");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(Files.readString(dir.resolve("transactions.csv"))).startsWith("date,account,action,symbol,quantity,price,amount,fees,lot_id,"
        + "to_account\n").endsWith("2026-07-01,broker,transfer,VTI,5,,,,,fid-indiv\n");
    assertThat(CliRun.of("lots", dir.toString(), "--as-of", "2026-11-20").out()).contains("fid-indiv");
  }
}
