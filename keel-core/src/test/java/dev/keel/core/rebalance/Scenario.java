package dev.keel.core.rebalance;

import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.household.AccountType;
import dev.keel.core.tax.FilingStatus;
import dev.keel.core.household.Household;
import dev.keel.core.household.LotMethod;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.policy.Band;
import dev.keel.core.policy.CheckCadence;
import dev.keel.core.policy.HarvestSettings;
import dev.keel.core.policy.Policy;
import dev.keel.core.policy.RebalanceSettings;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.price.PriceTable;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A fluent household for rebalancing tests: accounts, targets, securities, lots, prices. */
final class Scenario {

  final LocalDate asOf;
  private final List<Account> accounts = new ArrayList<>();
  private final Map<AssetClass, BigDecimal> targets = new LinkedHashMap<>();
  private final List<Security> securities = new ArrayList<>();
  private final List<OpeningLot> lots = new ArrayList<>();
  private final List<Transaction> transactions = new ArrayList<>();
  private final PriceTable.Builder prices = PriceTable.builder();
  private TaxSettings tax = TaxSettings.of(FilingStatus.MARRIED_JOINT, MarginalRates.of("0.35", "0.20"));
  private RebalanceSettings settings = RebalanceSettings.DEFAULTS.withFractional(true);
  private Band band = Band.of("0.05", "0.25");
  private HarvestSettings harvest = HarvestSettings.DEFAULTS;

  private Scenario(LocalDate asOf) {
    this.asOf = asOf;
  }

  static Scenario on(String asOf) {
    return new Scenario(LocalDate.parse(asOf));
  }

  Scenario account(String id, AccountType type, String cash) {
    accounts.add(Account.of(id, type, cash));
    return this;
  }

  Scenario heldAway(String id, AccountType type) {
    accounts.add(Account.of(id, type, "0").withTradable(false));
    return this;
  }

  Scenario reserve(String id, String reserve) {
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      if (a.id().value().equals(id)) {
        accounts.set(i, new Account(a.id(), a.type(), a.owners(), a.custodian(), LotMethod.FIFO, a.tradable(), a.cash(),
            new BigDecimal(reserve), SourceRef.NONE, a.available(), a.basisReporting()));
      }
    }
    return this;
  }

  /** The account's fund menu (household.yaml {@code available}). */
  Scenario available(String id, String... symbols) {
    accounts.replaceAll(a -> a.id().value().equals(id) ? a.withAvailable(dev.keel.core.household.FundMenu.of(symbols)) : a);
    return this;
  }

  Scenario target(String assetClass, String weight) {
    targets.put(AssetClass.of(assetClass), new BigDecimal(weight));
    return this;
  }

  Scenario security(String symbol, String assetClass, String price) {
    securities.add(Security.of(symbol, assetClass));
    prices.put(Symbol.of(symbol), null, new BigDecimal(price));
    return this;
  }

  /** A security with no price at all. */
  Scenario unpriced(String symbol, String assetClass) {
    securities.add(Security.of(symbol, assetClass));
    return this;
  }

  Scenario security(Security security, String price) {
    securities.add(security);
    prices.put(security.symbol(), null, new BigDecimal(price));
    return this;
  }

  Scenario lot(String account, String symbol, String quantity, String basis, String acquired) {
    lots.add(OpeningLot.of(account, symbol, quantity, basis, LocalDate.parse(acquired)));
    return this;
  }

  Scenario lot(String account, String symbol, String quantity, String basis, String acquired, String lotId) {
    lots.add(OpeningLot.of(account, symbol, quantity, basis, LocalDate.parse(acquired)).withLotId(lotId));
    return this;
  }

  Scenario buy(String date, String account, String symbol, String quantity, String price) {
    transactions.add(Transaction.trade(LocalDate.parse(date), account, Action.BUY, symbol, quantity, price));
    return this;
  }

  Scenario sell(String date, String account, String symbol, String quantity, String price) {
    transactions.add(Transaction.trade(LocalDate.parse(date), account, Action.SELL, symbol, quantity, price));
    return this;
  }

  Scenario reinvest(String date, String account, String symbol, String quantity, String price) {
    transactions.add(Transaction.trade(LocalDate.parse(date), account, Action.REINVEST, symbol, quantity, price));
    return this;
  }

  Scenario transaction(Transaction t) {
    transactions.add(t);
    return this;
  }

  /** A dated price: the price from {@code date} on, until a later one. */
  Scenario price(String symbol, LocalDate date, BigDecimal price) {
    prices.put(Symbol.of(symbol), date, price);
    return this;
  }

  /** Harvesting on, with the defaults ($500 and 5% of basis) changed by {@code change}. */
  Scenario harvest(UnaryOperator<HarvestSettings> change) {
    harvest = change.apply(HarvestSettings.DEFAULTS.withEnabled(true));
    return this;
  }

  Scenario deposit(String date, String account, String amount) {
    transactions.add(Transaction.cash(LocalDate.parse(date), account, Action.DEPOSIT, amount));
    return this;
  }

  Scenario tax(UnaryOperator<TaxSettings> change) {
    tax = change.apply(tax);
    return this;
  }

  Scenario maxNetGains(String dollars) {
    return tax(t -> new TaxSettings(t.filingStatus(), t.rates(), t.ordinaryIncome(), t.deduction(), t.stateRate(),
        t.shortTermCarryforward(), t.longTermCarryforward(), t.allowShortTermGains(), t.longTermSoonDays(),
        Optional.of(new BigDecimal(dollars))));
  }

  Scenario allowShortTermGains() {
    return tax(t -> new TaxSettings(t.filingStatus(), t.rates(), t.ordinaryIncome(), t.deduction(), t.stateRate(),
        t.shortTermCarryforward(), t.longTermCarryforward(), true, t.longTermSoonDays(), t.maxNetGains()));
  }

  Scenario settings(UnaryOperator<RebalanceSettings> change) {
    settings = change.apply(settings);
    return this;
  }

  Scenario band(Band value) {
    band = value;
    return this;
  }

  HouseholdData data() {
    Household household = Household.of("Test household", tax, accounts);
    Policy policy = new Policy(targets, band, Map.of(), CheckCadence.QUARTERLY, Optional.empty(), SecurityMaster.of(securities),
        settings).withHarvest(harvest);
    return new HouseholdData(household, policy, lots, transactions, prices.build());
  }

  Proposal propose(String... flows) {
    return propose(false, flows);
  }

  Proposal propose(boolean force, String... flows) {
    Map<AccountId, BigDecimal> cashFlows = new LinkedHashMap<>();
    for (String flow : flows) {
      String[] parts = flow.split("=");
      cashFlows.put(AccountId.of(parts[0]), new BigDecimal(parts[1]));
    }
    return HouseholdEngine.DEFAULT.propose(data(), asOf, cashFlows, force);
  }

  /** {@code keel harvest}: losses worth taking, nothing rebalanced. */
  Proposal harvestOnly() {
    return HouseholdEngine.DEFAULT.harvest(data(), asOf);
  }
}
