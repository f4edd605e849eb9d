package dev.keel.cli;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.report.RealizedGains;
import dev.keel.io.report.GainsReportWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "gains",
    mixinStandardHelpOptions = true,
    description = "Realized gains of a tax year as Form 8949 rows (Part I short-term, Part II long-term) with "
        + "wash-sale adjustments (code W) across every account of the household, the totals, and a tax estimate.")
final class GainsCommand implements Callable<Integer> {

  @Mixin HouseholdOptions household;

  @Option(names = "--year", paramLabel = "YYYY", description = "Tax year. Default: the year of --as-of (today).")
  Integer year;

  @Mixin FormatOption.TableJsonOrCsv formatOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Format format = formatOption.format();
    int taxYear = year != null ? year : household.asOf().getYear();
    if (taxYear < 1900 || taxYear > 2999) {
      throw new UsageProblem("--year: \"" + taxYear + "\" is not a tax year; expected YYYY");
    }
    HouseholdData data = household.load();
    RealizedGains gains = HouseholdEngine.DEFAULT.gains(data, taxYear);
    PrintWriter out = spec.commandLine().getOut();
    out.print(switch (format) {
      case TABLE -> GainsReportWriter.table(data.household().name(), gains);
      case JSON -> GainsReportWriter.json(gains);
      case CSV -> GainsReportWriter.csv(gains);
    });
    return 0;
  }

}
