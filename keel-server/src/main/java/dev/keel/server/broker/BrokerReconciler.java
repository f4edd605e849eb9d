package dev.keel.server.broker;

import dev.keel.broker.Broker;
import dev.keel.broker.BrokerAccount;
import dev.keel.broker.BrokerException;
import dev.keel.broker.BrokerPosition;
import dev.keel.broker.config.BrokerKind;
import dev.keel.broker.config.BrokerLink;
import dev.keel.broker.config.BrokerLinksLoader;
import dev.keel.broker.reconcile.Difference;
import dev.keel.broker.reconcile.PositionReconciler;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import dev.keel.core.security.Symbol;
import dev.keel.io.read.HouseholdFolderLoader;
import dev.keel.io.read.Loaded;
import dev.keel.store.Store;
import dev.keel.store.alert.AlertKind;
import dev.keel.store.household.HouseholdId;
import dev.keel.store.household.StoredHousehold;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares each broker-linked account of a stored household ({@code broker: alpaca} in
 * household.yaml) with what its broker reports: shares per symbol exactly, cash to the cent, the
 * ledger booked through the as-of date. The outcome is audited and, when an account differs or
 * cannot be compared, alerted ({@code broker_difference}); the ledger is never adjusted. Stateless.
 */
public final class BrokerReconciler {

  private final Store store;
  private final HouseholdEngine engine;
  private final BrokerConnector brokers;

  public BrokerReconciler(Store store, HouseholdEngine engine, BrokerConnector brokers) {
    this.store = store;
    this.engine = engine;
    this.brokers = brokers;
  }

  /**
   * Reconciles the household; empty when it is not stored.
   *
   * @throws InvalidInputException when no account of the household names a broker the server can ask
   */
  public Optional<Reconciliation> reconcile(HouseholdId id, LocalDate asOf, String actor) {
    Optional<StoredHousehold> stored = store.households().load(id, asOf);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    String yaml = store.households().export(id).orElseThrow().find(HouseholdFolderLoader.HOUSEHOLD).orElseThrow();
    Loaded<Map<dev.keel.core.household.AccountId, BrokerLink>> links = BrokerLinksLoader.load(HouseholdFolderLoader.HOUSEHOLD,
        new StringReader(yaml), stored.get().data().household());
    if (!links.ok()) {
      throw new InvalidInputException(links.problems());
    }
    List<BrokerLink> linked = links.value().get().values().stream().filter(l -> l.kind() == BrokerKind.ALPACA).toList();
    if (linked.isEmpty()) {
      throw new InvalidInputException(List.of(new Problem(HouseholdFolderLoader.HOUSEHOLD, 0, "accounts[].broker", null,
          "no account of household " + id + " has broker: alpaca; reconciliation asks the broker's API")));
    }
    LedgerResult books = engine.books(stored.get().data(), Optional.of(asOf), asOf.getYear());
    List<AccountCheck> checks = new ArrayList<>();
    for (BrokerLink link : linked) {
      checks.add(check(link, books.account(link.account())));
    }
    return Optional.of(store.database().jdbi().inTransaction(h -> {
      Optional<String> alert = Optional.empty();
      List<AccountCheck> attention = checks.stream().filter(AccountCheck::needsAttention).toList();
      if (!attention.isEmpty()) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("as_of", asOf.toString());
        details.put("accounts", attention.stream().map(BrokerReconciler::describe).toList());
        alert = Optional.of(store.alerts().raise(h, id.value(), AlertKind.BROKER_DIFFERENCE,
            "the broker and the ledger of household " + id + " differ; nothing was adjusted", details));
      }
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("as_of", asOf.toString());
      state.put("accounts", checks.stream().map(BrokerReconciler::describe).toList());
      alert.ifPresent(a -> state.put("alert", a));
      store.audit().append(h, actor, "household.reconciled", "household", id.value(), id.value(), state);
      return new Reconciliation(id, asOf, checks, alert);
    }));
  }

  private AccountCheck check(BrokerLink link, AccountPosition ours) {
    String kind = link.kind().name().toLowerCase(java.util.Locale.ROOT);
    Broker broker;
    try {
      broker = brokers.connect(link);
    } catch (BrokerConnector.BrokerUnavailable e) {
      return new AccountCheck(link.account(), kind, link.brokerAccount(), "unreachable", 0, List.of(),
          Optional.of(e.getMessage()));
    }
    try {
      BrokerAccount theirs = broker.account();
      if (link.brokerAccount().isPresent() && !link.brokerAccount().get().trim().equalsIgnoreCase(theirs.accountNumber())) {
        return new AccountCheck(link.account(), kind, link.brokerAccount(), "wrong_account", 0, List.of(),
            Optional.of("the broker's keys reach account " + theirs.accountNumber() + ", not broker_account "
                + link.brokerAccount().get() + " of household.yaml; nothing was compared"));
      }
      List<BrokerPosition> positions = broker.positions();
      List<Difference> differences = PositionReconciler.compare(link.account(), ours.quantities(), positions,
          Optional.of(ours.cash()), Optional.of(theirs));
      TreeSet<Symbol> symbols = new TreeSet<>();
      positions.forEach(p -> symbols.add(p.symbol()));
      ours.quantities().forEach((s, q) -> {
        if (q.signum() != 0) {
          symbols.add(s);
        }
      });
      return new AccountCheck(link.account(), kind, link.brokerAccount(), differences.isEmpty() ? "matched" : "differences",
          symbols.size(), differences, Optional.empty());
    } catch (BrokerException e) {
      return new AccountCheck(link.account(), kind, link.brokerAccount(), "unreachable", 0, List.of(),
          Optional.of("the broker could not be asked: " + e.getMessage()));
    }
  }

  /** An account's outcome for the audit trail and the alert. */
  static Map<String, Object> describe(AccountCheck c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account", c.account().value());
    m.put("broker", c.broker());
    m.put("status", c.status());
    c.message().ifPresent(text -> m.put("message", text));
    m.put("differences", c.differences().stream().map(BrokerReconciler::difference).toList());
    return m;
  }

  static Map<String, Object> difference(Difference d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("item", d.item());
    m.put("ledger", d.ledger());
    m.put("broker", d.broker());
    m.put("difference", d.gap());
    return m;
  }

}
