package dev.keel.cli;

import dev.keel.core.drift.DriftReport;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.portfolio.HouseholdEngine;
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

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table or json. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--holdings", description = "Also list every position (table format).")
  boolean holdings;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    HouseholdData data = household.load();
    DriftReport report = HouseholdEngine.DEFAULT.drift(data, household.asOf());
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> out.print(DriftReportWriter.json(report));
      case TABLE -> {
        out.print(DriftReportWriter.table(data.household().name(), report));
        if (holdings) {
          out.println();
          out.print(DriftReportWriter.holdingsTable(report));
        }
      }
      case CSV -> throw new UsageProblem("analyze --format csv is not offered; use table or json");
    }
    return 0;
  }
}
