package dev.keel.cli;

import dev.keel.core.drift.DriftReport;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.price.PriceAges;
import dev.keel.io.report.DriftReportWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Measure the whole household against its IPS: value and weight per asset class, drift, "
        + "band bounds, breaches, and whether a rebalance is due under the check cadence.")
final class AnalyzeCommand implements Callable<Integer> {

  @Mixin HouseholdOptions household;

  @Mixin FormatOption.TableOrJson formatOption;

  @Option(names = "--holdings", description = "Also list every position (table format).")
  boolean holdings;

  @Option(names = "--exit-code",
      description = "Exit with status 3 when a rebalance is needed (a check is due and a class is outside its band), "
          + "0 when not: for cron jobs and scripts.")
  boolean exitCode;

  /** The exit status of {@code --exit-code} when a rebalance is needed. */
  static final int EXIT_REBALANCE_NEEDED = 3;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Format format = formatOption.format("analyze");
    HouseholdData data = household.loadValued(java.util.List.of());
    DriftReport report = HouseholdEngine.DEFAULT.drift(data, household.asOf());
    PriceAges ages = HouseholdEngine.DEFAULT.priceAges(data, report);
    PrintWriter out = spec.commandLine().getOut();
    String text = format == Format.JSON
        ? DriftReportWriter.json(report)
        : DriftReportWriter.table(data.household().name(), report)
            + (holdings ? "\n" + DriftReportWriter.holdingsTable(report) : "");
    Outputs.print(out, spec.commandLine().getErr(), format, text, ages);
    return exitCode && report.rebalanceNeeded() ? EXIT_REBALANCE_NEEDED : 0;
  }
}
