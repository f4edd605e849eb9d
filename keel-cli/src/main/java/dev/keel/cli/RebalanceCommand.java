package dev.keel.cli;

import dev.keel.core.household.AccountId;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import dev.keel.core.rebalance.Proposal;
import dev.keel.core.price.PriceAges;
import dev.keel.io.read.InputLimits;
import dev.keel.io.report.ProposalWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "rebalance",
    mixinStandardHelpOptions = true,
    description = "Propose the trades that bring the household back inside its IPS at the least tax, without wash "
        + "sales anywhere in the household, each trade explained. A dry run: nothing is traded.")
final class RebalanceCommand implements Callable<Integer> {

  @Mixin HouseholdOptions household;

  @Option(names = "--cash-flow", paramLabel = "ACCOUNT=AMOUNT",
      description = "A contribution (positive) or withdrawal (negative) to place, e.g. joint=5000 or alex-ira=-20000. Repeatable.")
  List<String> cashFlows = new ArrayList<>();

  @Option(names = "--force", description = "Propose even when no check is due or no band is breached.")
  boolean force;

  @Mixin FormatOption.TableJsonOrCsv formatOption;

  @Mixin OrderFileOption orderFile;

  @Option(names = "--allow-stale-prices",
      description = "Propose trades even when a price used is older than policy.yaml prices.refuse_after_days (default 30).")
  boolean allowStalePrices;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Format format = formatOption.format();
    Path out = orderFile.out();
    // The options' problems are reported with the household's, in one run.
    List<Problem> optionProblems = new ArrayList<>();
    Map<AccountId, BigDecimal> flows = parseFlows(optionProblems);
    if (out != null) {
      optionProblems.addAll(OrderFileTarget.check(out, household.dir));
    }
    HouseholdData data = household.loadValued(optionProblems);
    List<Problem> problems = new ArrayList<>();
    for (AccountId id : flows.keySet()) {
      if (data.household().findAccount(id).isEmpty()) {
        problems.add(new Problem("--cash-flow", 0, "account", id.value(), "is not an account of household.yaml"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Proposal proposal = HouseholdEngine.DEFAULT.propose(data, household.asOf(), flows, force);
    PriceAges ages = HouseholdEngine.DEFAULT.priceAges(data, proposal);
    if (!allowStalePrices && !HouseholdEngine.DEFAULT.staleForTrading(ages, proposal).isEmpty()) {
      throw new InvalidInputException(HouseholdEngine.DEFAULT.staleForTrading(ages, proposal));
    }
    PrintWriter printer = spec.commandLine().getOut();
    Outputs.print(printer, spec.commandLine().getErr(), format, switch (format) {
      case TABLE -> ProposalWriter.table(data.household().name(), proposal);
      case JSON -> ProposalWriter.json(proposal);
      case CSV -> ProposalWriter.csv(proposal);
    }, ages);
    if (out != null) {
      writeAtomically(out, ProposalWriter.orders(proposal));
      spec.commandLine().getErr().println("keel: wrote " + proposal.trades().size() + " orders to " + out);
    }
    return 0;
  }

  private Map<AccountId, BigDecimal> parseFlows(List<Problem> problems) {
    Map<AccountId, BigDecimal> flows = new LinkedHashMap<>();
    for (String flow : cashFlows) {
      int eq = flow.indexOf('=');
      if (eq <= 0 || !AccountId.isValid(flow.substring(0, eq))) {
        problems.add(new Problem("--cash-flow", 0, null, flow, "is not ACCOUNT=AMOUNT, e.g. joint=5000"));
        continue;
      }
      try {
        BigDecimal amount = new BigDecimal(flow.substring(eq + 1).trim());
        Optional<String> outOfRange = InputLimits.checkNumber(amount);
        if (outOfRange.isPresent()) {
          problems.add(new Problem("--cash-flow", 0, "amount", flow.substring(eq + 1), outOfRange.get()));
          continue;
        }
        flows.merge(AccountId.of(flow.substring(0, eq)), amount, BigDecimal::add);
      } catch (NumberFormatException e) {
        problems.add(new Problem("--cash-flow", 0, "amount", flow.substring(eq + 1), "is not a number"));
      }
    }
    return flows;
  }

  /** Writes to a temporary file beside the target and moves it into place: never a half-written file. */
  static void writeAtomically(Path target, String content) throws IOException {
    OrderFileTarget.write(target, content);
  }
}
