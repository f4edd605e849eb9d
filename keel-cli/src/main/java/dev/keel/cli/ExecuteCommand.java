package dev.keel.cli;

import dev.keel.broker.BrokerException;
import dev.keel.broker.OrderType;
import dev.keel.broker.alpaca.AlpacaConfig;
import dev.keel.broker.config.BrokerLink;
import dev.keel.broker.config.BrokerLinksLoader;
import dev.keel.broker.execute.BrokerRoute;
import dev.keel.broker.execute.ExecutionPlan;
import dev.keel.broker.execute.ExecutionPolicy;
import dev.keel.broker.execute.ExecutionResult;
import dev.keel.broker.execute.Executor;
import dev.keel.broker.execute.PlannedTrade;
import dev.keel.broker.execute.TradeOutcome;
import dev.keel.broker.file.FillRow;
import dev.keel.broker.file.FillsFileLoader;
import dev.keel.broker.file.PlanFiles;
import dev.keel.broker.folder.BrokerChoice;
import dev.keel.broker.folder.FolderExecution;
import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import dev.keel.io.read.FolderSource;
import dev.keel.io.read.Loaded;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "execute",
    mixinStandardHelpOptions = true,
    description = "Trade an approved proposal through a broker, exactly once: shows the orders, asks for confirmation, "
        + "places them (sales first), books the fills into transactions.csv and prints what happened. Run it again "
        + "after an interruption, or to follow up open orders: nothing is ever placed twice. State: DIR/.keel/.")
final class ExecuteCommand implements Callable<Integer> {

  /** The environment (the APCA_API_* variables); replaced by tests that point Keel at a fake Alpaca. */
  static Supplier<Map<String, String>> environment = System::getenv;
  /** Where the confirmation is read from; replaced by tests. */
  static Supplier<Reader> input = () -> new InputStreamReader(System.in, StandardCharsets.UTF_8);

  @Mixin HouseholdOptions household;

  @Option(names = "--proposal", paramLabel = "FILE", required = true,
      description = "The approved proposal: keel rebalance --format json (or harvest), or an order file (--out).")
  Path proposal;

  @Option(names = "--broker", paramLabel = "BROKER", required = true,
      description = "alpaca-paper, alpaca-live (real money) or file. Trades the accounts whose household.yaml broker is that kind.")
  String broker;

  @Option(names = "--account", paramLabel = "ID", description = "Trade only this account.")
  String account;

  @Option(names = "--yes", description = "Do not ask for confirmation.")
  boolean yes;

  @Option(names = "--fills", paramLabel = "FILE", description = "For --broker file: the fills you bring back. Default: DIR/fills.csv.")
  Path fills;

  @Option(names = "--order-type", paramLabel = "TYPE", defaultValue = "limit",
      description = "limit (collared around the latest price) or market. Default: ${DEFAULT-VALUE}.")
  String orderType;

  @Option(names = "--collar", paramLabel = "FRACTION", defaultValue = "0.005",
      description = "How far a limit may be from the latest price. Default: ${DEFAULT-VALUE}.")
  BigDecimal collar;

  @Option(names = "--tolerance", paramLabel = "FRACTION", defaultValue = "0.02",
      description = "Stop an account's trades when a price moved more than this since the proposal. Default: ${DEFAULT-VALUE}.")
  BigDecimal tolerance;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long to wait for orders to fill before reporting them open. Default: ${DEFAULT-VALUE}.")
  long waitSeconds;

  @Option(names = "--cancel-unfilled", description = "Cancel what is still open when the wait ends.")
  boolean cancelUnfilled;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BrokerChoice choice = BrokerChoice.find(broker).orElseThrow(() -> new UsageProblem("--broker: \"" + broker
        + "\" is not one of alpaca-paper, alpaca-live, file"));
    OrderType type = switch (orderType.trim().toLowerCase(Locale.ROOT)) {
      case "limit" -> OrderType.LIMIT;
      case "market" -> OrderType.MARKET;
      default -> throw new UsageProblem("--order-type: \"" + orderType + "\" is not one of limit, market");
    };
    HouseholdData data = household.load();
    Path dir = household.dir;
    ExecutionPlan plan = readPlan();
    List<Problem> problems = new ArrayList<>(FolderExecution.check(proposal.toString(), plan, data));
    Optional<AccountId> only = Optional.ofNullable(account).map(AccountId::of);
    only.ifPresent(a -> {
      if (data.household().findAccount(a).isEmpty()) {
        problems.add(new Problem("--account", 0, null, a.value(), "is not an account of household.yaml"));
      }
    });
    Map<AccountId, BrokerLink> links = links(dir, data);
    FolderExecution folder = new FolderExecution(dir);
    List<FillRow> fillRows = choice == BrokerChoice.FILE ? readFills(dir, problems) : List.of();
    if (choice == BrokerChoice.FILE) {
      Path file = fills != null ? fills : folder.defaultFills();
      problems.addAll(dev.keel.broker.file.FileBroker.check(file.getFileName().toString(), folder.orderFile(plan), fillRows,
          plan));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    LedgerResult books = HouseholdEngine.DEFAULT.books(data, Optional.empty(), household.asOf().getYear());
    if (choice == BrokerChoice.FILE) {
      Path file = fills != null ? fills : folder.defaultFills();
      List<Problem> lots = FolderExecution.checkReportedLots(file.getFileName().toString(), fillRows, plan, books,
          folder.sink().bookedFillIds());
      if (!lots.isEmpty()) {
        throw new InvalidInputException(lots);
      }
    }
    Map<AccountId, BrokerRoute> routes;
    try {
      routes = folder.routes(choice, plan, data, links, only, environment.get(), books, fillRows, FolderExecution::alpaca);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage());
    } catch (BrokerException e) {
      throw new UsageProblem("the broker could not be reached: " + e.getMessage());
    }
    FolderExecution.lotMethodWarnings(links).forEach(w -> err.println("keel: warning: " + w));
    if (choice == BrokerChoice.FILE) {
      // An order file has no market data: collars and the price check use prices.csv (keel prices refreshes it).
      routes = new java.util.LinkedHashMap<>(routes);
      routes.replaceAll((id, r) -> r.withPrices(new dev.keel.broker.price.PriceTableSource(data.prices(),
          household.asOf())));
    }

    out.println("Proposal " + plan.id() + " as of " + plan.asOf() + ": " + plan.trades().size() + " trades; "
        + (routes.isEmpty() ? "none" : String.join(", ", routes.keySet().stream().map(AccountId::value).toList()))
        + " through " + choice.code());
    for (PlannedTrade t : plan.trades()) {
      out.println("  " + t.index() + ". " + t.describe() + (routes.containsKey(t.account()) ? "" : "   (not this run)")
          + (t.lots().isEmpty() ? "" : "   lots " + String.join(", ", t.lots().stream()
              .map(l -> l.lotId().value() + " " + l.quantity().stripTrailingZeros().toPlainString()).toList())));
    }
    if (routes.isEmpty()) {
      out.println("No account of this proposal is traded through " + choice.code() + "; nothing to do.");
      return 0;
    }
    if (!yes && !confirm(out, choice)) {
      out.println("Nothing was sent.");
      return 0;
    }
    ExecutionPolicy policy = ExecutionPolicy.DEFAULT.withOrderType(type).withCollar(collar).withPriceTolerance(tolerance)
        .withWait(choice == BrokerChoice.FILE ? Duration.ZERO : Duration.ofSeconds(waitSeconds), Duration.ofMillis(500))
        .withCancelUnfilled(cancelUnfilled);
    Executor executor = new Executor(folder.store(), folder.sink(), policy, Clock.systemUTC(),
        d -> Thread.sleep(d.toMillis()));
    Optional<AutoCloseable> lock = folder.lock();
    if (lock.isEmpty()) {
      throw new UsageProblem("another keel execute is running on " + dir + "; wait for it to end (nothing was sent)");
    }
    ExecutionResult result;
    AutoCloseable held = lock.get();
    try (held) { // held for the whole execution, released however it ends
      result = executor.execute(plan, routes);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the execution lock could not be released: " + e.getMessage(), e);
    }
    print(out, result);
    Path remainder = dev.keel.broker.folder.RemainderFile.write(dir, plan, result);
    if (!result.remaining().isEmpty()) {
      out.println("What is left, machine-readable: " + remainder);
    }
    if (choice != BrokerChoice.FILE) {
      reconcile(out, dir, routes);
    }
    if (choice == BrokerChoice.FILE && Files.exists(folder.orderFile(plan))) {
      out.println("Orders to key in at the custodian: " + folder.orderFile(plan) + "; record what happened in "
          + (fills != null ? fills : folder.defaultFills()) + " and run this command again.");
    }
    return 0;
  }

  /** After trading, the broker's positions and cash against the books just written, per account. */
  private void reconcile(PrintWriter out, Path dir, Map<AccountId, BrokerRoute> routes) {
    HouseholdData after = household.load();
    LedgerResult books = HouseholdEngine.DEFAULT.books(after, Optional.empty(), household.asOf().getYear());
    for (Map.Entry<AccountId, BrokerRoute> e : routes.entrySet()) {
      try {
        var position = books.account(e.getKey());
        List<dev.keel.broker.reconcile.Difference> differences = dev.keel.broker.reconcile.PositionReconciler.compare(
            e.getKey(), position.quantities(), e.getValue().broker().positions(), Optional.of(position.cash()),
            Optional.of(e.getValue().broker().account()));
        if (differences.isEmpty()) {
          out.println("Reconciled " + e.getKey() + " with the broker: the ledger matches (positions and cash).");
        } else {
          out.println("Reconciled " + e.getKey() + " with the broker: " + differences.size()
              + " differences (nothing was adjusted):");
          differences.forEach(d -> out.println("  " + d));
        }
      } catch (BrokerException ex) {
        out.println("Reconciliation of " + e.getKey() + " skipped: " + ex.getMessage() + "; run keel broker-reconcile");
      }
    }
  }

  private ExecutionPlan readPlan() throws IOException {
    if (!Files.isRegularFile(proposal)) {
      throw new UsageProblem(proposal + ": no such file; expected a proposal (keel rebalance --format json) or an order file");
    }
    Loaded<ExecutionPlan> plan = PlanFiles.read(proposal.toString(), Files.readString(proposal, StandardCharsets.UTF_8));
    if (!plan.ok()) {
      throw new InvalidInputException(plan.problems());
    }
    return plan.value().get();
  }

  private Map<AccountId, BrokerLink> links(Path dir, HouseholdData data) throws IOException {
    String yaml = Files.readString(dir.resolve("household.yaml"), StandardCharsets.UTF_8);
    Loaded<Map<AccountId, BrokerLink>> links = BrokerLinksLoader.load("household.yaml", new StringReader(yaml),
        data.household());
    if (!links.ok()) {
      throw new InvalidInputException(links.problems());
    }
    return links.value().get();
  }

  private List<FillRow> readFills(Path dir, List<Problem> problems) throws IOException {
    Path file = fills != null ? fills : new FolderExecution(dir).defaultFills();
    if (!Files.exists(file)) {
      if (fills != null) {
        problems.add(Problem.ofFile(file.toString(), "does not exist"));
      }
      return List.of();
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Loaded<List<FillRow>> rows = FillsFileLoader.load(file.getFileName().toString(), reader);
      problems.addAll(rows.problems());
      return rows.value().orElse(List.of());
    }
  }

  private boolean confirm(PrintWriter out, BrokerChoice choice) throws IOException {
    out.print(choice == BrokerChoice.ALPACA_LIVE ? "Place these orders with REAL MONEY? [y/N] " : "Place these orders? [y/N] ");
    out.flush();
    String answer = new BufferedReader(input.get()).readLine();
    return answer != null && List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT));
  }

  static void print(PrintWriter out, ExecutionResult result) {
    out.println();
    for (TradeOutcome t : result.trades()) {
      StringBuilder line = new StringBuilder("  ").append(t.trade().index()).append(". ").append(t.trade().describe())
          .append(": ").append(t.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
      if (t.filled().signum() > 0) {
        line.append(", ").append(t.filled().stripTrailingZeros().toPlainString()).append(" filled");
        t.averagePrice().ifPresent(p -> line.append(" at ").append(p.stripTrailingZeros().toPlainString()));
      }
      t.reason().ifPresent(r -> line.append(" - ").append(r));
      out.println(line);
    }
    result.halted().forEach(h -> out.println("Stopped: " + h));
    result.warnings().forEach(w -> out.println("Warning: " + w));
    out.println("Booked " + result.booked() + (result.booked() == 1 ? " fill" : " fills") + " into transactions.csv.");
    String status = switch (result.status()) {
      case EXECUTED -> "executed: every trade filled";
      case PARTLY_EXECUTED -> "partly executed: re-plan what is left (keel rebalance) - the fills are booked";
      case IN_PROGRESS -> "in progress: orders are open, in doubt or waiting; run again to follow them up";
      case NOT_EXECUTED -> "not executed: nothing filled; re-plan";
    };
    out.println("Proposal " + result.proposal() + " " + status + ".");
    if (!result.remaining().isEmpty()) {
      out.println("Left to re-plan: " + String.join(", ", result.remaining().stream()
          .map(t -> t.trade().side().code() + " " + t.remaining().stripTrailingZeros().toPlainString() + " "
              + t.trade().symbol() + " in " + t.trade().account()).toList()));
    }
  }
}
