package dev.keel.cli;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.rebalance.Proposal;
import dev.keel.core.report.HarvestReport;
import dev.keel.io.report.HarvestReportWriter;
import dev.keel.core.price.PriceAges;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.io.report.ProposalWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
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

  @Mixin FormatOption.TableJsonOrCsv formatOption;

  @Mixin OrderFileOption orderFile;

  @Option(names = "--report", description = "Report the losses harvested in --year instead of proposing harvests.")
  boolean report;

  @Option(names = "--year", paramLabel = "YYYY", description = "Tax year for --report. Default: the year of --as-of.")
  Integer year;

  @Option(names = "--allow-stale-prices",
      description = "Propose harvests even when a price used is older than policy.yaml prices.refuse_after_days (default 30).")
  boolean allowStalePrices;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Format format = formatOption.format();
    Path out = orderFile.out();
    PrintWriter printer = spec.commandLine().getOut();
    if (report) {
      HouseholdData data = household.load();
      int taxYear = year != null ? year : household.asOf().getYear();
      HarvestReport r = HouseholdEngine.DEFAULT.harvestReport(data, taxYear);
      if (format == Format.CSV) {
        throw new UsageProblem("harvest --report --format csv is not offered; use table or json");
      }
      printer.print(format == Format.JSON ? HarvestReportWriter.json(r) : HarvestReportWriter.table(data.household().name(), r));
      return 0;
    }
    HouseholdData data = household.loadValued(out == null ? List.of() : OrderFileTarget.check(out, household.dir));
    Proposal proposal = HouseholdEngine.DEFAULT.harvest(data, household.asOf());
    PriceAges ages = HouseholdEngine.DEFAULT.priceAges(data, proposal);
    if (!allowStalePrices && !HouseholdEngine.DEFAULT.staleForTrading(ages, proposal).isEmpty()) {
      throw new InvalidInputException(HouseholdEngine.DEFAULT.staleForTrading(ages, proposal));
    }
    Outputs.print(printer, spec.commandLine().getErr(), format, switch (format) {
      case TABLE -> ProposalWriter.table(data.household().name(), proposal);
      case JSON -> ProposalWriter.json(proposal);
      case CSV -> ProposalWriter.csv(proposal);
    }, ages);
    if (out != null) {
      RebalanceCommand.writeAtomically(out, ProposalWriter.orders(proposal));
      spec.commandLine().getErr().println("keel: wrote " + proposal.trades().size() + " orders to " + out);
    }
    return 0;
  }
}
