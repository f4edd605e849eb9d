package dev.keel.broker.folder;

import dev.keel.broker.Broker;
import dev.keel.broker.BrokerAccount;
import dev.keel.broker.alpaca.AlpacaBroker;
import dev.keel.broker.alpaca.AlpacaConfig;
import dev.keel.broker.config.BrokerKind;
import dev.keel.broker.config.BrokerLink;
import dev.keel.broker.execute.BrokerLots;
import dev.keel.broker.execute.BrokerRoute;
import dev.keel.broker.execute.ExecutionPlan;
import dev.keel.broker.execute.FileExecutionStore;
import dev.keel.broker.execute.PlannedTrade;
import dev.keel.broker.execute.TransactionsFileSink;
import dev.keel.broker.file.FileBroker;
import dev.keel.broker.file.FillRow;
import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.household.LotMethod;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.problem.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The folder's side of execution: state files beside the household's own, the plan checked against
 * the household, and the broker of each account for a run.
 *
 * <p>Files: {@code DIR/.keel/execution/<proposal>.jsonl} (the journal), {@code DIR/.keel/booked.jsonl}
 * (fills booked into transactions.csv), {@code DIR/orders-<proposal>.csv} (orders for a person to
 * key in) and, by default, {@code DIR/fills.csv} (what the person brings back).
 */
public final class FolderExecution {

  private final Path dir;

  public FolderExecution(Path dir) {
    this.dir = dir;
  }

  /**
   * Takes the folder's execution lock ({@code DIR/.keel/lock}) for one run. Two runs at once would
   * still never place an order twice (they derive the same client order ids), but they could book
   * the same fill twice; the lock keeps them apart.
   *
   * @return the lock to close when the run ends, or empty when another run holds it
   */
  public Optional<AutoCloseable> lock() throws java.io.IOException {
    Path file = dir.resolve(".keel").resolve("lock");
    java.nio.file.Files.createDirectories(file.getParent());
    java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
    java.nio.channels.FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    java.nio.channels.FileLock held = lock;
    return Optional.of(() -> {
      held.release();
      channel.close();
    });
  }

  public FileExecutionStore store() {
    return new FileExecutionStore(dir.resolve(".keel").resolve("execution"));
  }

  public TransactionsFileSink sink() {
    return new TransactionsFileSink(dir.resolve("transactions.csv"), dir.resolve(".keel").resolve("booked.jsonl"));
  }

  public Path orderFile(ExecutionPlan plan) {
    return dir.resolve("orders-" + plan.id() + ".csv");
  }

  public Path defaultFills() {
    return dir.resolve("fills.csv");
  }

  /** Every trade's account must be a tradable account of the household and its symbol a security of the policy. */
  public static List<Problem> check(String file, ExecutionPlan plan, HouseholdData data) {
    List<Problem> problems = new ArrayList<>();
    for (PlannedTrade t : plan.trades()) {
      String at = "trades[" + (t.index() - 1) + "]";
      Optional<Account> account = data.household().findAccount(t.account());
      if (account.isEmpty()) {
        problems.add(new Problem(file, 0, at + ".account", t.account().value(), "is not an account of household.yaml"));
      } else if (!account.get().tradable()) {
        problems.add(new Problem(file, 0, at + ".account", t.account().value(),
            "is not tradable (tradable: false in household.yaml)"));
      }
      if (data.policy().securities().find(t.symbol()).isEmpty()) {
        problems.add(new Problem(file, 0, at + ".symbol", t.symbol().value(), "is not a security of policy.yaml"));
      }
    }
    return problems;
  }

  /**
   * The account's link to its broker: declared in household.yaml, or for an account that
   * declares none, the order file (a person can always key orders in).
   */
  public static BrokerLink link(Account account, Map<AccountId, BrokerLink> declared) {
    return declared.getOrDefault(account.id(), new BrokerLink(account.id(), BrokerKind.FILE, Optional.empty(),
        Optional.empty(), account.lotMethod()));
  }

  /**
   * The brokers of this run: each account of the plan whose broker is the chosen kind (and, when
   * given, is {@code only}). Alpaca: one account per key pair from the environment; a declared
   * {@code broker_account} must be the account the keys open.
   *
   * @throws IllegalArgumentException for a configuration that must not trade (message names the fix)
   */
  public Map<AccountId, BrokerRoute> routes(BrokerChoice choice, ExecutionPlan plan, HouseholdData data,
      Map<AccountId, BrokerLink> declared, Optional<AccountId> only, Map<String, String> env, LedgerResult books,
      List<FillRow> fills, Function<AlpacaConfig, Broker> alpaca) {
    Map<AccountId, BrokerRoute> routes = new LinkedHashMap<>();
    List<AccountId> chosen = new ArrayList<>();
    for (AccountId id : plan.accounts()) {
      Account account = data.household().getAccount(id);
      BrokerLink link = link(account, declared);
      if (link.kind() == choice.kind() && only.map(id::equals).orElse(true)) {
        chosen.add(id);
      }
    }
    if (choice.kind() == BrokerKind.ALPACA) {
      if (chosen.size() > 1) {
        throw new IllegalArgumentException("accounts " + chosen + " are all traded at Alpaca, and the environment holds "
            + "one key pair: run once per account with --account ID and that account's APCA_API_* variables");
      }
      if (chosen.isEmpty()) {
        return routes;
      }
      AccountId id = chosen.get(0);
      AlpacaConfig config = AlpacaConfig.fromEnvironment(env, choice == BrokerChoice.ALPACA_LIVE);
      Broker broker = alpaca.apply(config);
      BrokerLink link = declared.get(id);
      if (link.brokerAccount().isPresent()) {
        BrokerAccount at = broker.account();
        if (!at.accountNumber().equals(link.brokerAccount().get())) {
          throw new IllegalArgumentException("account " + id + " declares broker_account " + link.brokerAccount().get()
              + " but the APCA_API_* keys open account " + at.accountNumber() + "; nothing was sent");
        }
      }
      BrokerRoute route = new BrokerRoute(broker, link.honoursLots()).withSettledCashOnly(link.settledCashOnly())
          .withReserve(data.household().getAccount(id).reserve());
      Optional<LotMethod> method = link.brokerLotMethod();
      if (!link.honoursLots() && method.isPresent() && method.get() != LotMethod.SPECIFIC
          && method.get() != link.lotMethod()) {
        route = route.withBrokerLots(new BrokerLots(method.get(), books.account(id).lots(),
            HouseholdEngine.DEFAULT.rates(data, plan.asOf().getYear())));
      }
      routes.put(id, route);
      return routes;
    }
    Set<String> booked = sink().bookedFillIds();
    for (AccountId id : chosen) {
      BrokerLink link = link(data.household().getAccount(id), declared);
      FileBroker broker = new FileBroker(orderFile(plan), fills, id, link.brokerAccount(), plan,
          books.account(id).cash(), booked);
      routes.put(id, new BrokerRoute(broker, link.honoursLots()).withSettledCashOnly(link.settledCashOnly())
          .withReserve(data.household().getAccount(id).reserve()));
    }
    return routes;
  }

  /**
   * Every {@code lot_id} a fills file reports for a fill not booked yet must be an open lot of the
   * sale's account and symbol in the books, holding the shares the file relieves from it; a
   * purchase names no lot. Problems name the file's line (nothing is booked when there are any).
   *
   * @param booked fill ids already in transactions.csv (their lots are already relieved in the books)
   */
  public static List<Problem> checkReportedLots(String file, List<FillRow> fills, ExecutionPlan plan, LedgerResult books,
      Set<String> booked) {
    List<Problem> problems = new ArrayList<>();
    java.util.regex.Pattern mine = java.util.regex.Pattern.compile("keel-" + plan.id() + "-t(\\d+)-a\\d+");
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, java.math.BigDecimal> taken = new LinkedHashMap<>();
    for (FillRow r : fills) {
      java.util.regex.Matcher m = mine.matcher(r.clientOrderId());
      if (r.quantity().signum() == 0 || !m.matches()) {
        continue;
      }
      // The same numbering as FileBroker's fill ids: the n-th executed row of an order.
      int n = counts.merge(r.clientOrderId(), 1, Integer::sum);
      int index = Integer.parseInt(m.group(1));
      if (r.lotId().isEmpty() || booked.contains("file:" + r.clientOrderId() + ":" + n) || index < 1
          || index > plan.trades().size()) {
        continue;
      }
      PlannedTrade t = plan.trade(index);
      if (t.side() != dev.keel.core.rebalance.Side.SELL) {
        problems.add(new Problem(file, r.line(), "lot_id", r.lotId().get(), "is given for a purchase; only a sale relieves a lot"));
        continue;
      }
      Optional<dev.keel.core.ledger.Lot> lot = books.account(t.account()).lotsOf(t.symbol()).stream()
          .filter(l -> l.id().value().equals(r.lotId().get())).findFirst();
      if (lot.isEmpty()) {
        problems.add(new Problem(file, r.line(), "lot_id", r.lotId().get(), "is not an open " + t.symbol() + " lot of "
            + t.account()));
        continue;
      }
      java.math.BigDecimal total = taken.merge(r.lotId().get(), r.quantity(), java.math.BigDecimal::add);
      if (total.compareTo(lot.get().quantity()) > 0) {
        problems.add(new Problem(file, r.line(), "quantity", r.quantity().toPlainString(), "takes "
            + total.stripTrailingZeros().toPlainString() + " shares from lot " + r.lotId().get() + ", which holds "
            + lot.get().quantity().stripTrailingZeros().toPlainString()));
      }
    }
    return problems;
  }

  /** Warnings about lot methods the broker applies that differ from the household's. */
  public static List<String> lotMethodWarnings(Map<AccountId, BrokerLink> declared) {
    List<String> out = new ArrayList<>();
    declared.values().forEach(l -> l.lotMethodWarning().ifPresent(out::add));
    return out;
  }

  /** The default Alpaca adapter for a configuration. */
  public static Broker alpaca(AlpacaConfig config) {
    return new AlpacaBroker(config);
  }
}
