package dev.keel.cli;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.portfolio.HouseholdEngine;
import dev.keel.core.rebalance.Proposal;
import dev.keel.core.report.HarvestReport;
import dev.keel.io.report.HarvestReportWriter;
import dev.keel.io.report.ProposalWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "harvest",
    mixinStandardHelpOptions = true,
    description = "Propose tax-loss harvests: loss lots sold and substitutes (not substantially identical) bought the same "
        + "day, never a wash sale anywhere in the household, each with its honest value. With --report, the losses "
        + "harvested in a year and what they were worth.")
final class HarvestCommand implements Callable<Integer> {

  @Mixin HouseholdOptions household;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json or csv. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write an order file (CSV) to key into a broker.")
  Path out;

  @Option(names = "--report", description = "Report the losses harvested in --year instead of proposing harvests.")
  boolean report;

  @Option(names = "--year", paramLabel = "YYYY", description = "Tax year for --report. Default: the year of --as-of.")
  Integer year;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    HouseholdData data = household.load();
    PrintWriter printer = spec.commandLine().getOut();
    if (report) {
      int taxYear = year != null ? year : household.asOf().getYear();
      HarvestReport r = HouseholdEngine.DEFAULT.harvestReport(data, taxYear);
      if (format == Format.CSV) {
        throw new UsageProblem("harvest --report --format csv is not offered; use table or json");
      }
      printer.print(format == Format.JSON ? HarvestReportWriter.json(r) : HarvestReportWriter.table(data.household().name(), r));
      return 0;
    }
    Proposal proposal = HouseholdEngine.DEFAULT.harvest(data, household.asOf());
    printer.print(switch (format) {
      case TABLE -> ProposalWriter.table(data.household().name(), proposal);
      case JSON -> ProposalWriter.json(proposal);
      case CSV -> ProposalWriter.csv(proposal);
    });
    if (out != null) {
      RebalanceCommand.writeAtomically(out, ProposalWriter.orders(proposal));
      spec.commandLine().getErr().println("keel: wrote " + proposal.trades().size() + " orders to " + out);
    }
    return 0;
  }
}
