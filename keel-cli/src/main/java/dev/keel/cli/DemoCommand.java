package dev.keel.cli;

import dev.keel.core.drift.DriftReport;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.io.read.FolderSource;
import dev.keel.core.rebalance.Proposal;
import dev.keel.io.report.DriftReportWriter;
import dev.keel.io.report.ProposalWriter;
import java.util.Map;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run Keel on the bundled example household (examples/rivera) and show what to try next.")
final class DemoCommand implements Callable<Integer> {

  /** Where the example lives inside the jar; the same files as examples/rivera in the repository. */
  static final String BUNDLED = "/examples/rivera";

  @Option(names = "--as-of", paramLabel = "DATE", description = "Value the example on this date. Default: today.")
  LocalDate asOf;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LocalDate date = asOf != null ? asOf : LocalDate.now();
    HouseholdData data = HouseholdOptions.load(FolderSource.classpath(BUNDLED), java.util.Optional.of(date), java.util.List.of());
    DriftReport report = HouseholdEngine.DEFAULT.drift(data, date);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Keel demo: the example household in examples/rivera (" + data.household().accounts().size()
        + " accounts, " + data.openingLots().size() + " opening lots, " + data.transactions().size() + " transactions).");
    out.println();
    out.print(DriftReportWriter.table(data.household().name(), report));
    String prices = dev.keel.io.report.PriceAgeWriter.table(HouseholdEngine.DEFAULT.priceAges(data, report));
    if (!prices.isEmpty()) {
      out.println();
      out.print(prices);
    }
    out.println();
    Proposal proposal = HouseholdEngine.DEFAULT.propose(data, date, Map.of(), false);
    out.print(ProposalWriter.table(data.household().name(), proposal));
    out.println();
    out.println("Try next:");
    out.println("  ./keel analyze examples/rivera --holdings     every position, account by account");
    out.println("  ./keel analyze examples/rivera --format json  the same analysis for programs");
    out.println("  ./keel rebalance examples/rivera --cash-flow joint=20000 --out orders.csv");
    out.println("                                                place a contribution; write an order file");
    out.println("  ./keel gains examples/wash-sales --year 2025  Form 8949 with wash sales across spouses and IRAs");
    out.println("  ./keel lots examples/rivera                   open lots and the wash-sale calendar");
    out.println("  ./keel --help                                 every command");
    out.println("Then copy examples/rivera to a folder of your own and describe your household (docs/formats.md).");
    return 0;
  }
}
