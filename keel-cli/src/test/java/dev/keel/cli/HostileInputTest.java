package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of hostile inputs, each a small change to the example household (or to the command
 * line), run through the real command. Every one must end with exit status 2, no stack trace, and
 * a message naming the file, the line, the field and the bad value (each expected pattern is a
 * regular expression matched against the error output).
 */
class HostileInputTest {

  /** A change to a copy of the example folder. */
  @FunctionalInterface
  interface Change {
    void apply(Path dir) throws IOException;
  }

  static Stream<Arguments> corpus() {
    List<Arguments> cases = new ArrayList<>();
    // Numbers out of range, in every file that carries one.
    for (String bad : List.of("1e309", "1e999999999", "1e-999999999")) {
      String reason = bad.startsWith("1e-") ? "has too many decimal places" : "is too large";
      String quoted = "\"" + bad.replace("-", "\\-") + "\"";
      cases.add(arguments("lots cost_basis " + bad, replace("lots.csv", "joint,VTI,200,24000.00", "joint,VTI,200," + bad),
          "analyze", List.of(), List.of("lots\\.csv:2: cost_basis: " + quoted + " " + reason)));
      cases.add(arguments("lots quantity " + bad, replace("lots.csv", "joint,VTI,200,24000.00", "joint,VTI," + bad + ",24000.00"),
          "analyze", List.of(), List.of("lots\\.csv:2: quantity: " + quoted + " " + reason)));
      cases.add(arguments("price " + bad, replace("prices.csv", "VTI,310.25,", "VTI," + bad + ","),
          "analyze", List.of(), List.of("prices\\.csv:3: price: " + quoted + " " + reason)));
      cases.add(arguments("cash " + bad, replace("household.yaml", "cash: 4200", "cash: " + bad),
          "analyze", List.of(), List.of("household\\.yaml:21: accounts\\[0\\]\\.cash: " + quoted + " " + reason)));
      cases.add(arguments("income " + bad, replace("household.yaml", "income: 285000", "income: " + bad),
          "analyze", List.of(), List.of("household\\.yaml:6: tax\\.income: " + quoted + " " + reason)));
      cases.add(arguments("amount " + bad, replace("transactions.csv", ",,,,35000.00,,", ",,,," + bad + ",,"),
          "analyze", List.of(), List.of("transactions\\.csv:2: amount: " + quoted + " " + reason)));
      cases.add(arguments("trade price " + bad, replace("transactions.csv", "VTI,50,322.40", "VTI,50," + bad),
          "analyze", List.of(), List.of("transactions\\.csv:3: price: " + quoted + " " + reason)));
      cases.add(arguments("--cash-flow " + bad, none(), "rebalance", List.of("--cash-flow", "joint=" + bad),
          List.of("--cash-flow: amount: " + quoted + " " + reason)));
    }
    cases.add(arguments("YAML infinity", replace("household.yaml", "cash: 4200", "cash: .inf"), "analyze", List.of(),
        List.of("household\\.yaml:21: accounts\\[0\\]\\.cash: \"\\.inf\" is not a number")));
    cases.add(arguments("last_checked far future", replace("policy.yaml", "last_checked: 2026-08-15", "last_checked: +999999999-12-31"),
        "analyze", List.of(), List.of("policy\\.yaml:15: last_checked: \"\\+999999999-12-31\" is out of range")));
    cases.add(arguments("lot acquired year 10000", replace("lots.csv", "2017-03-10", "+10000-03-10"), "analyze", List.of(),
        List.of("lots\\.csv:2: acquired: \"\\+10000-03-10\" is out of range")));
    cases.add(arguments("transaction dated +999999999", replace("transactions.csv", "2026-01-05,joint", "+999999999-01-05,joint"),
        "analyze", List.of(), List.of("transactions\\.csv:2: date: \"\\+999999999-01-05\" is out of range")));
    cases.add(arguments("scheduled next far future", replace("policy.yaml", "next: 2026-12-01", "next: +999999999-12-01"),
        "rebalance", List.of(), List.of("policy\\.yaml:\\d+: harvest\\.scheduled\\[0\\]\\.next: \"\\+999999999-12-01\" is out of range")));
    cases.add(arguments("--as-of far future", none(), "analyze", List.of("--as-of", "+999999999-12-31"),
        List.of("\"\\+999999999-12-31\" is out of range")));

    // References that name nothing.
    cases.add(arguments("restricted_lots typo", replace("policy.yaml", "fractional: false", "fractional: false\nrestricted_lots: [J-VTI-2071]"),
        "rebalance", List.of(), List.of("policy\\.yaml:\\d+: restricted_lots: \"J-VTI-2071\" is not the id of any lot.*did you mean J-VTI-20")));
    cases.add(arguments("scheduled unknown account", replace("policy.yaml", "- account: alex-401k", "- account: bob-401k"),
        "analyze", List.of(), List.of("policy\\.yaml:\\d+: harvest\\.scheduled\\[0\\]\\.account: \"bob-401k\" is not an account of household\\.yaml")));
    cases.add(arguments("scheduled unknown symbol", replace("policy.yaml", "      symbol: VTI\n      kind", "      symbol: VTX\n      kind"),
        "analyze", List.of(), List.of("policy\\.yaml:\\d+: harvest\\.scheduled\\[0\\]\\.symbol: \"VTX\" is not listed under securities")));

    // Structure.
    cases.add(arguments("second YAML document", append("policy.yaml", "---\ncheck: daily\n"), "analyze", List.of(),
        List.of("policy\\.yaml:\\d+: has a second YAML document")));
    cases.add(arguments("alias to no anchor", replace("household.yaml", "owners: [Alex, Sam]", "owners: *both"), "analyze", List.of(),
        List.of("household\\.yaml:18: accounts\\[0\\]\\.owners: \"\\*both\" refers to no anchor")));
    cases.add(arguments("buy for nothing", append("transactions.csv", "2026-10-01,joint,buy,VTI,10,,0,,\n"), "analyze", List.of(),
        List.of("transactions\\.csv:14: amount: \"0\" must be greater than zero")));
    cases.add(arguments("sale before the lot was acquired", both(
            append("lots.csv", "joint,SCHH,10,200.00,2026-06-01,J-SCHH\n"),
            append("transactions.csv", "2026-03-02,joint,sell,SCHH,10,21.00,,,\n")),
        "gains", List.of("--year", "2026"),
        List.of("transactions\\.csv:14: quantity: \"10\" is more than the 0 SCHH held in joint on 2026-03-02 "
            + "\\(lots acquired after that date are not counted: J-SCHH on 2026-06-01\\)")));
    cases.add(arguments("sale naming a lot acquired after it", both(
            append("lots.csv", "joint,SCHH,10,200.00,2026-06-01,J-SCHH\n"),
            append("transactions.csv", "2026-03-02,joint,sell,SCHH,10,21.00,,,J-SCHH\n")),
        "gains", List.of("--year", "2026"),
        List.of("transactions\\.csv:14: lot_id: \"J-SCHH\" was acquired on 2026-06-01, after this sale on 2026-03-02")));
    cases.add(arguments("extra CSV value", replace("lots.csv", "J-VTI-2019", "J-VTI-2019,oops"), "analyze", List.of(),
        List.of("lots\\.csv:3: \"oops\" is an extra value")));
    cases.add(arguments("not UTF-8", bytes("transactions.csv", "2026-11-03,family-hsa,deposit", "2026-11-03,family-hsa,d\u00e9posit"),
        "analyze", List.of(), List.of("transactions\\.csv:13: is not UTF-8 text")));

    // Files that are there but are not files.
    cases.add(arguments("lots.csv is a folder", (Change) dir -> {
      Files.delete(dir.resolve("lots.csv"));
      Files.createDirectory(dir.resolve("lots.csv"));
    }, "analyze", List.of(), List.of("lots\\.csv: is a folder, not a file")));
    cases.add(arguments("household.yaml is a folder", (Change) dir -> {
      Files.delete(dir.resolve("household.yaml"));
      Files.createDirectory(dir.resolve("household.yaml"));
    }, "analyze", List.of(), List.of("household\\.yaml: is a folder, not a file")));
    cases.add(arguments("lots.csv dangling link", (Change) dir -> {
      Files.delete(dir.resolve("lots.csv"));
      Files.createSymbolicLink(dir.resolve("lots.csv"), dir.resolve("gone.csv"));
    }, "analyze", List.of(), List.of("lots\\.csv: is a symbolic link to .*gone\\.csv, which does not exist")));
    cases.add(arguments("transactions.csv link loop", (Change) dir -> {
      Files.delete(dir.resolve("transactions.csv"));
      Files.createSymbolicLink(dir.resolve("transactions.csv"), dir.resolve("loop.csv"));
      Files.createSymbolicLink(dir.resolve("loop.csv"), dir.resolve("transactions.csv"));
    }, "analyze", List.of(), List.of("transactions\\.csv: is a symbolic link to .*loop\\.csv that cannot be followed")));

    // Command-line options, reported with the files' problems.
    cases.add(arguments("bad --cash-flow and a bad file together", replace("lots.csv", "joint,VTI,200,24000.00", "joint,VTI,2x0,24000.00"),
        "rebalance", List.of("--cash-flow", "joint=abc"),
        List.of("--cash-flow: amount: \"abc\" is not a number", "lots\\.csv:2: quantity: \"2x0\" is not a number")));
    cases.add(arguments("--out onto the household's own lots.csv", none(), "rebalance", List.of("--out", "DIR/lots.csv"),
        List.of("--out: \".*lots\\.csv\" is the household's own lots\\.csv")));
    cases.add(arguments("--out onto policy.yaml by another path", none(), "harvest", List.of("--out", "DIR/../x/policy.yaml"),
        List.of("--out: \".*policy\\.yaml\" is the household's own policy\\.yaml")));
    cases.add(arguments("--out into a missing folder", none(), "rebalance", List.of("--out", "DIR/no-such/orders.csv"),
        List.of("--out: \".*orders\\.csv\" cannot be written: the folder .*no-such does not exist")));

    // Numbers in more fields (new limits), then inputs that were already problems and must stay so.
    cases.add(arguments("fees 1e309", replace("transactions.csv", "VXUS,200,66.90,,,", "VXUS,200,66.90,,1e309,"), "analyze", List.of(),
        List.of("transactions\\.csv:9: fees: \"1e309\" is too large")));
    cases.add(arguments("reserve 1e-999999999", replace("household.yaml", "reserve: 2000", "reserve: 1e-999999999"), "analyze", List.of(),
        List.of("household\\.yaml:22: accounts\\[0\\]\\.reserve: \"1e-999999999\" has too many decimal places")));
    cases.add(arguments("target 1e309", replace("policy.yaml", "us_stocks: 0.50", "us_stocks: 1e309"), "analyze", List.of(),
        List.of("policy\\.yaml:3: targets\\.us_stocks: \"1e309\" is too large")));
    cases.add(arguments("unterminated quote", append("transactions.csv", "2026-11-04,joint,deposit,,,,\"100,,\n"), "analyze", List.of(),
        List.of("transactions\\.csv:14: is not valid CSV")));
    cases.add(arguments("tab in YAML", replace("household.yaml", "    cash: 4200", "\tcash: 4200"), "analyze", List.of(),
        List.of("household\\.yaml:21: is not valid YAML")));
    cases.add(arguments("negative price", replace("prices.csv", "VTI,310.25,", "VTI,-310.25,"), "analyze", List.of(),
        List.of("prices\\.csv:3: price: \"-310\\.25\" must be greater than zero")));
    cases.add(arguments("second price for a date", append("prices.csv", "VTI,311.00,2026-11-20\n"), "analyze", List.of(),
        List.of("prices\\.csv:26: symbol: \"VTI\" has a second price for 2026-11-20 \\(first on line 3\\)")));
    cases.add(arguments("--as-of before 1900", none(), "lots", List.of("--as-of", "1899-12-31"),
        List.of("\"1899-12-31\" is out of range")));
    cases.add(arguments("harvest --out into a missing folder", none(), "harvest", List.of("--out", "DIR/no-such/orders.csv"),
        List.of("--out: \".*orders\\.csv\" cannot be written: the folder .*no-such does not exist")));

    // Every problem at once: a missing price with a format problem and a ledger problem.
    cases.add(arguments("missing price with other problems", both(
            both(dir -> Files.writeString(dir.resolve("prices.csv"),
                Files.readString(dir.resolve("prices.csv")).replaceAll("(?m)^VNQ,.*\\n", "")),
                replace("lots.csv", "joint,VTI,200,24000.00", "joint,VTI,2x0,24000.00")),
            append("transactions.csv", "2026-10-02,joint,sell,VOO,5000,500,,,\n")),
        "analyze", List.of(),
        List.of("lots\\.csv:2: quantity: \"2x0\" is not a number",
            "transactions\\.csv:14: quantity: \"5000\" is more than the 120 VOO held in joint",
            "prices\\.csv: symbol: \"VNQ\" is held \\(in alex-roth, sam-ira\\) but has no price on or before 2026-11-22")));
    // Stale prices: no trades on a price more than refuse_after_days old.
    cases.add(arguments("stale prices", replace("policy.yaml", "refuse_after_days: 365", "refuse_after_days: 30"),
        "rebalance", List.of("--as-of", "2026-11-14", "--force"),
        List.of("prices\\.csv:2: date: \"2025-12-31\" is the latest price of VTI, 318 days before the as-of date 2026-11-14; "
            + "trades are not proposed on prices more than 30 days old")));
    cases.add(arguments("price ages out of order", replace("policy.yaml", "refuse_after_days: 365", "refuse_after_days: 3"),
        "analyze", List.of(), List.of("policy\\.yaml:\\d+: prices\\.refuse_after_days: \"3\" must not be less than warn_after_days \\(5\\)")));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void test_hostile_input_is_a_problem_not_a_crash(String name, Change change, String command, List<String> options,
      List<String> expected, @TempDir Path dir) throws IOException {
    Path folder = CliRun.exampleWith(Files.createDirectories(dir.resolve("x")));
    change.apply(folder);
    List<String> args = new ArrayList<>(List.of(command, folder.toString()));
    if (!options.contains("--as-of") && !command.equals("gains")) {
      args.addAll(List.of("--as-of", "2026-11-22"));
    }
    options.forEach(o -> args.add(o.replace("DIR", folder.toString())));

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.status()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".keel-");
    for (String pattern : expected) {
      assertThat(run.err()).as(run.err()).containsPattern(pattern);
    }
  }

  private static Change none() {
    return dir -> { };
  }

  private static Change replace(String file, String from, String to) {
    return dir -> {
      String text = Files.readString(dir.resolve(file));
      if (!text.contains(from)) {
        throw new IllegalStateException(file + " has no " + from);
      }
      Files.writeString(dir.resolve(file), text.replace(from, to));
    };
  }

  private static Change append(String file, String lines) {
    return dir -> Files.writeString(dir.resolve(file), Files.readString(dir.resolve(file)) + lines);
  }

  /** The file written in Latin-1 after the change: its accented letter is not UTF-8. */
  private static Change bytes(String file, String from, String to) {
    return dir -> Files.write(dir.resolve(file),
        Files.readString(dir.resolve(file)).replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Change both(Change first, Change second) {
    return dir -> {
      first.apply(dir);
      second.apply(dir);
    };
  }

  static {
    // The corpus writes into copies only; fail loudly if the example is missing.
    if (!Files.isDirectory(CliRun.EXAMPLE)) {
      throw new UncheckedIOException(new IOException("no example at " + CliRun.EXAMPLE));
    }
  }
}
