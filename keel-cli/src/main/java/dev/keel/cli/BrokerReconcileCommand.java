package dev.keel.cli;

import dev.keel.broker.Broker;
import dev.keel.broker.BrokerAccount;
import dev.keel.broker.BrokerException;
import dev.keel.broker.alpaca.AlpacaConfig;
import dev.keel.broker.config.BrokerKind;
import dev.keel.broker.config.BrokerLink;
import dev.keel.broker.config.BrokerLinksLoader;
import dev.keel.broker.folder.FolderExecution;
import dev.keel.broker.reconcile.Difference;
import dev.keel.broker.reconcile.PositionReconciler;
import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.io.read.Loaded;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    name = "broker-reconcile",
    mixinStandardHelpOptions = true,
    description = "Compare the broker's positions and cash with the ledger, per account and symbol (Alpaca accounts). "
        + "Differences are listed and nothing is adjusted. Exit status 3 when there are differences. "
        + "For a custodian's statement file, see keel reconcile.")
final class BrokerReconcileCommand implements Callable<Integer> {

  /** Exit status when the books and the broker differ. */
  static final int EXIT_DIFFERENCES = 3;

  @Mixin HouseholdOptions household;

  @Option(names = "--broker", paramLabel = "BROKER", defaultValue = "alpaca-paper",
      description = "alpaca-paper or alpaca-live. Default: ${DEFAULT-VALUE}.")
  String broker;

  @Option(names = "--account", paramLabel = "ID", description = "The account (default: the one whose broker is alpaca).")
  String account;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    boolean live = switch (broker.trim()) {
      case "alpaca-paper" -> false;
      case "alpaca-live" -> true;
      default -> throw new UsageProblem("--broker: \"" + broker + "\" is not one of alpaca-paper, alpaca-live");
    };
    HouseholdData data = household.load();
    String yaml = Files.readString(household.dir.resolve("household.yaml"), StandardCharsets.UTF_8);
    Loaded<Map<AccountId, BrokerLink>> links = BrokerLinksLoader.load("household.yaml", new StringReader(yaml),
        data.household());
    if (!links.ok()) {
      throw new InvalidInputException(links.problems());
    }
    List<AccountId> alpaca = links.value().get().values().stream().filter(l -> l.kind() == BrokerKind.ALPACA)
        .map(BrokerLink::account).filter(a -> account == null || a.value().equals(account)).toList();
    if (alpaca.size() != 1) {
      throw new UsageProblem(alpaca.isEmpty() ? "no account of household.yaml has broker: alpaca"
          + (account == null ? "" : " with id " + account) : "several accounts have broker: alpaca; name one with --account");
    }
    AccountId id = alpaca.get(0);
    Broker at;
    try {
      at = FolderExecution.alpaca(AlpacaConfig.fromEnvironment(ExecuteCommand.environment.get(), live));
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage());
    }
    LedgerResult books = HouseholdEngine.DEFAULT.books(data, Optional.of(household.asOf()), household.asOf().getYear());
    AccountPosition ours = books.account(id);
    List<Difference> differences;
    try {
      BrokerAccount theirs = at.account();
      differences = PositionReconciler.compare(id, ours.quantities(), at.positions(), Optional.of(ours.cash()),
          Optional.of(theirs));
    } catch (BrokerException e) {
      throw new UsageProblem("the broker could not be reached: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (differences.isEmpty()) {
      out.println(id + ": the ledger matches the broker (" + ours.quantities().size() + " positions and cash).");
      return 0;
    }
    out.println(id + ": " + differences.size() + (differences.size() == 1 ? " difference" : " differences")
        + " between the ledger and the broker (nothing was adjusted):");
    differences.forEach(d -> out.println("  " + d));
    return EXIT_DIFFERENCES;
  }
}
