package dev.keel.io.read;

import static dev.keel.io.read.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.problem.Problem;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests {@link HouseholdFolderLoader}: the five files together, and every problem of every file at once. */
class HouseholdFolderLoaderTest {

  private static final Path EXAMPLE = Path.of("..", "examples", "rivera");

  @TempDir
  Path dir;

  /** A copy of the Rivera example in the temporary folder, with the named files replaced by fixtures. */
  private Path example(String... fixtures) throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLE)) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
    for (String fixture : fixtures) {
      String name = fixture.substring(0, fixture.indexOf('/')).replace("household", "household.yaml")
          .replace("policy", "policy.yaml").replace("lots", "lots.csv").replace("prices", "prices.csv")
          .replace("transactions", "transactions.csv");
      Files.writeString(dir.resolve(name), Fixtures.text(fixture));
    }
    return dir;
  }

  @Test
  void test_load_example_ok() {
    Loaded<HouseholdData> loaded = HouseholdFolderLoader.load(FolderSource.directory(EXAMPLE));

    assertThat(messages(loaded)).isEmpty();
    HouseholdData data = loaded.value().orElseThrow();
    assertThat(data.household().name()).isEqualTo("Rivera household");
    assertThat(data.household().accounts()).hasSize(7);
    assertThat(data.openingLots()).hasSize(17);
    assertThat(data.transactions()).hasSize(12);
    assertThat(data.prices().source()).isEqualTo("prices.csv");
  }

  @Test
  void test_load_optionalFilesAbsent_emptyNotMissing() throws IOException {
    Files.copy(EXAMPLE.resolve("household.yaml"), dir.resolve("household.yaml"));
    Files.copy(EXAMPLE.resolve("policy.yaml"), dir.resolve("policy.yaml"));

    Loaded<HouseholdData> loaded = HouseholdFolderLoader.load(FolderSource.directory(dir));

    assertThat(messages(loaded)).isEmpty();
    HouseholdData data = loaded.value().orElseThrow();
    assertThat(data.openingLots()).isEmpty();
    assertThat(data.transactions()).isEmpty();
    assertThat(data.prices().symbols()).isEmpty();
    assertThat(data.prices().source()).isEqualTo("prices.csv");
  }

  @Test
  void test_load_requiredFilesMissing() {
    Loaded<HouseholdData> loaded = HouseholdFolderLoader.load(FolderSource.directory(dir));

    assertThat(messages(loaded)).containsExactly(
        "household.yaml: is missing from " + dir,
        "policy.yaml: is missing from " + dir);
    assertThat(loaded.value()).isEmpty();
  }

  @Test
  void test_load_everyFileChecked_allProblemsAtOnce() throws IOException {
    example("household/bad-duplicate-key.yaml", "lots/bad-three-rows.csv", "prices/bad-duplicate.csv",
        "transactions/bad-missing-column.csv");

    Loaded<HouseholdData> loaded = HouseholdFolderLoader.load(FolderSource.directory(dir));

    assertThat(messages(loaded)).containsExactly(
        "household.yaml:3: name: appears twice (first on line 1)",
        "lots.csv:2: quantity: \"-5\" must be greater than zero",
        "lots.csv:4: acquired: \"2022-13-26\" is not a date; expected YYYY-MM-DD, inherited or inherited:YYYY-MM-DD",
        "lots.csv:7: cost_basis: \"1,000.00\" is not a number",
        "transactions.csv:1: header: is missing column \"action\"; expected date,account,action,symbol,quantity,price,amount,fees,lot_id,to_account,ratio,fmv,offering_date,offering_fmv,offering_price,reported_basis",
        "prices.csv:4: symbol: \"VTI\" has a second price for 2026-11-20 (first on line 2)",
        "prices.csv:5: symbol: \"BND\" has a second price without a date (first on line 3)",
        "prices.csv:6: symbol: \"VTI\" has a second price for 2026-11-20 (first on line 2)");
    assertThat(loaded.value()).isEmpty(); // no household, no data
  }

  @Test
  void test_load_crossCheck_afterEachFileIsFine() throws IOException {
    example();
    Files.writeString(dir.resolve("lots.csv"), """
        account,symbol,quantity,cost_basis,acquired
        brokerage,VTI,10,1000,2020-01-02
        joint,XYZ,10,1000,2020-01-02
        """);

    Loaded<HouseholdData> loaded = HouseholdFolderLoader.load(FolderSource.directory(dir));

    assertThat(loaded.value()).isPresent();
    assertThat(messages(loaded)).containsExactly(
        "lots.csv:2: account: \"brokerage\" is not an account of household.yaml "
            + "(alex-401k, alex-roth, alex-rsu, family-hsa, joint, sam-ira, sam-roth)",
        "lots.csv:3: symbol: \"XYZ\" is not listed under securities in policy.yaml; every security needs an asset_class");
  }

  @Test
  void test_load_fundMenu_readAndEveryUnknownSymbolReportedWithItsLine() throws IOException {
    example();
    String yaml = Files.readString(dir.resolve("household.yaml"));
    int line = (int) yaml.substring(0, yaml.indexOf("  - id: alex-401k")).lines().count() + 1;
    Files.writeString(dir.resolve("household.yaml"), yaml.replace("  - id: alex-401k\n", """
          - id: alex-401k
            available:
              - VTI
              - FXAIX
              - BND
              - ZZZ
        """));

    Loaded<HouseholdData> loaded = HouseholdFolderLoader.load(FolderSource.directory(dir));

    // Lines: "- id" is line N, "available:" N+1, VTI N+2, FXAIX N+3, BND N+4, ZZZ N+5.
    assertThat(messages(loaded)).containsExactly(
        "household.yaml:" + (line + 3) + ": available: \"FXAIX\" is not listed under securities in policy.yaml; "
            + "an account's available funds must be securities of the policy",
        "household.yaml:" + (line + 5) + ": available: \"ZZZ\" is not listed under securities in policy.yaml; "
            + "an account's available funds must be securities of the policy");
  }

  /** A payroll contribution the plan's own fund menu does not offer is a typo in one of the two files. */
  @Test
  void test_load_scheduledPurchase_outsideTheAccountsFundMenu_reportedWithItsLine() throws IOException {
    example();
    String household = Files.readString(dir.resolve("household.yaml"));
    Files.writeString(dir.resolve("household.yaml"), household.replace("  - id: alex-401k\n", """
          - id: alex-401k
            available: [BND, VXUS]
        """));
    String policy = Files.readString(dir.resolve("policy.yaml"));
    int line = (int) policy.substring(0, policy.indexOf("      symbol: VTI\n", policy.indexOf("scheduled:"))).lines().count() + 1;

    Loaded<HouseholdData> loaded = HouseholdFolderLoader.load(FolderSource.directory(dir));

    assertThat(messages(loaded)).containsExactly(
        "policy.yaml:" + line + ": harvest.scheduled[0].symbol: \"VTI\" is not in the fund menu (available) of alex-401k "
            + "(BND, VXUS); a scheduled purchase must be one the account can make");
  }

  @Test
  void test_load_fundMenu_ofTheExample() throws IOException {
    example();
    String yaml = Files.readString(dir.resolve("household.yaml"));
    Files.writeString(dir.resolve("household.yaml"), yaml.replace("  - id: alex-401k\n", """
          - id: alex-401k
            available: [VTI, BND]
        """));

    HouseholdData data = HouseholdFolderLoader.load(FolderSource.directory(dir)).value().orElseThrow();

    var account = data.household().getAccount(dev.keel.core.household.AccountId.of("alex-401k"));
    assertThat(account.available().open()).isFalse();
    assertThat(account.available().listed()).extracting(Object::toString).containsExactly("VTI", "BND");
    assertThat(data.household().getAccount(dev.keel.core.household.AccountId.of("joint")).available().open()).isTrue();
  }

  @Test
  void test_loadAndCheck_ledgerProblemsBesideFormatProblems_eachRowOnce() throws IOException {
    example();
    Files.writeString(dir.resolve("transactions.csv"), """
        date,account,action,symbol,quantity,price,amount,fees,lot_id
        2026-01-05,joint,deposit,,,,100.00,,
        2026-01-06,joint,sell,VTI,5000,300,,,
        2026-01-07,brokerage,deposit,,,,100,,
        2026-01-08,joint,deposit,,,,abc,,
        """);

    Loaded<HouseholdData> loaded = HouseholdFolderLoader.loadAndCheck(FolderSource.directory(dir), HouseholdEngine.DEFAULT);

    // Line 4 is reported by the cross-check; the ledger's own complaint about it is not repeated.
    assertThat(messages(loaded)).containsExactly(
        "transactions.csv:5: amount: \"abc\" is not a number",
        "transactions.csv:4: account: \"brokerage\" is not an account of household.yaml "
            + "(alex-401k, alex-roth, alex-rsu, family-hsa, joint, sam-ira, sam-roth)",
        "transactions.csv:3: quantity: \"5000\" is more than the 700 VTI held in joint on 2026-01-06");
  }

  @Test
  void test_load_notUtf8() throws IOException {
    example();
    Files.write(dir.resolve("household.yaml"),
        Files.readString(EXAMPLE.resolve("household.yaml")).replace("Vanguard", "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale")
            .getBytes(StandardCharsets.ISO_8859_1));
    Files.write(dir.resolve("prices.csv"), "symbol,price\nVTI,310 # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    Loaded<HouseholdData> loaded = HouseholdFolderLoader.load(FolderSource.directory(dir));

    assertThat(messages(loaded)).containsExactly(
        // The line of the first byte that is not UTF-8 ("Société" on the custodian line; "café" on line 2).
        "household.yaml:19: is not UTF-8 text; save it as UTF-8",
        "prices.csv:2: is not UTF-8 text; save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\")");
  }

  @Test
  void test_load_unreadableRequiredFile_reportedOnce() {
    // Opening household.yaml fails (permissions, say). Before the fix the loader opened it a second time to
    // see whether it was missing, and that second failure escaped as an exception.
    FolderSource source = new FolderSource() {
      private final FolderSource example = FolderSource.directory(EXAMPLE);

      @Override
      public Optional<Reader> open(String fileName) {
        if (fileName.equals("household.yaml")) {
          throw new UncheckedIOException(new IOException("Permission denied"));
        }
        return example.open(fileName);
      }

      @Override
      public String describe() {
        return "test folder";
      }
    };

    Loaded<HouseholdData> loaded = HouseholdFolderLoader.load(source);

    assertThat(messages(loaded)).containsExactly("household.yaml: could not be read: Permission denied");
    assertThat(loaded.value()).isEmpty();
  }

  @Test
  void test_load_eachFileOpenedOnceAndClosed() throws IOException {
    example("household/bad-duplicate-key.yaml", "policy/bad-targets-sum.yaml");
    Counting source = new Counting(FolderSource.directory(dir));

    Loaded<HouseholdData> loaded = HouseholdFolderLoader.load(source);

    assertThat(loaded.value()).isEmpty();
    assertThat(source.opened).containsExactlyInAnyOrder(
        "household.yaml", "policy.yaml", "lots.csv", "transactions.csv", "prices.csv");
    assertThat(source.closed).containsExactlyInAnyOrderElementsOf(source.opened);
  }

  @Test
  void test_load_problemsPointAtFileAndLine() throws IOException {
    example("policy/bad-targets-sum.yaml");

    Loaded<HouseholdData> loaded = HouseholdFolderLoader.load(FolderSource.directory(dir));

    assertThat(loaded.problems()).extracting(Problem::file, Problem::line, Problem::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("policy.yaml", 2, "targets"));
  }

  /** Records which files were opened and which readers were closed. */
  private static final class Counting implements FolderSource {
    final FolderSource inner;
    final List<String> opened = new ArrayList<>();
    final java.util.Set<String> closed = new java.util.HashSet<>(); // parsers close their source too: closing twice is fine

    Counting(FolderSource inner) {
      this.inner = inner;
    }

    @Override
    public Optional<Reader> open(String fileName) {
      return inner.open(fileName).map(reader -> {
        opened.add(fileName);
        return new FilterReader(reader) {
          @Override
          public void close() throws IOException {
            closed.add(fileName);
            super.close();
          }
        };
      });
    }

    @Override
    public String describe() {
      return inner.describe();
    }
  }
}
