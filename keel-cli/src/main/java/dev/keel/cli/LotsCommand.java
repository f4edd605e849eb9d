package dev.keel.cli;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.report.LotsReport;
import dev.keel.io.report.LotsReportWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "lots",
    mixinStandardHelpOptions = true,
    description = "Open lots with adjusted basis (wash-sale adjustments included), tacked holding periods, "
        + "unrealized gain, term and days until long-term; then the household's wash-sale calendar.")
final class LotsCommand implements Callable<Integer> {

  @Mixin HouseholdOptions household;

  @Mixin FormatOption.TableOrJson formatOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Format format = formatOption.format("lots");
    HouseholdData data = household.loadValued(java.util.List.of());
    LotsReport report = HouseholdEngine.DEFAULT.lots(data, household.asOf());
    PrintWriter out = spec.commandLine().getOut();
    Outputs.print(out, spec.commandLine().getErr(), format,
        format == Format.JSON ? LotsReportWriter.json(report) : LotsReportWriter.table(data.household().name(), report),
        HouseholdEngine.DEFAULT.priceAges(data, report));
    return 0;
  }
}
