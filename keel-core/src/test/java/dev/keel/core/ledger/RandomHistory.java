package dev.keel.core.ledger;

import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.household.AccountType;
import dev.keel.core.household.Household;
import dev.keel.core.household.LotMethod;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.testkit.HouseholdBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random small household histories for the ledger's properties: 2 to 4 accounts (the first
 * taxable, the others of any type), 1 to 3 of VOO, IVV and BND (VOO and IVV form the identical
 * group {@code sp500}), up to 3 opening lots and 5 to 40 buys, sells, reinvestments and the odd
 * inheritance over 120 days from 2025-01-01. Prices are drawn from 60.00 to 140.00 at every row,
 * so that gains and losses both occur, and wash sales are frequent.
 *
 * <p>Rows are generated as raw numbers (so that jqwik can shrink them) and then made consistent:
 * a sale never sells more than the account holds of the symbol at that point of the replay (a sale
 * of a symbol not held becomes a buy), and every account has enough cash for every purchase. The
 * generated history therefore always replays without problems.
 */
final class RandomHistory {

  static final LocalDate START = LocalDate.of(2025, 1, 1);
  static final int DAYS = 120;
  static final List<String> SYMBOLS = List.of("VOO", "IVV", "BND");
  static final SecurityMaster SECURITIES = SecurityMaster.of(
      Security.of("VOO", "us_stocks", "sp500"),
      Security.of("IVV", "us_stocks", "sp500"),
      Security.of("BND", "bonds"));
  static final MarginalRates RATES = MarginalRates.of("0.35", "0.15");
  private static final String CASH = "10000000";

  /** One generated row before it is made consistent. */
  record RawRow(int day, int account, int kind, int symbol, int shares, int thousandths, int priceCents, int feeCents) {}

  /** One generated opening lot. */
  record RawOpening(int account, int symbol, int shares, int priceCents, int daysBefore, boolean inherited) {}

  /** The shape of a history: what the raw rows are turned into. */
  record Spec(List<AccountType> types, List<LotMethod> methods, int symbols, List<RawOpening> openings, List<RawRow> rows,
      boolean wholeShares) {}

  /** A generated history, ready to replay. */
  record History(Household household, List<OpeningLot> openingLots, List<Transaction> transactions, int symbols) {

    LedgerInput input() {
      return new LedgerInput(household, SECURITIES, openingLots, transactions, RATES, Optional.empty());
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("History\n");
      for (Account a : household.accounts()) {
        out.append("  account ").append(a.id()).append(' ').append(a.type().code()).append(' ')
            .append(a.lotMethod().code()).append('\n');
      }
      for (OpeningLot o : openingLots) {
        out.append("  open ").append(o.account()).append(' ').append(o.symbol()).append(' ')
            .append(o.quantity().toPlainString()).append(" for ").append(o.costBasis().toPlainString()).append(' ')
            .append(o.inherited() ? "inherited:" : "").append(o.acquired().map(LocalDate::toString).orElse("")).append('\n');
      }
      for (Transaction t : transactions) {
        out.append("  ").append(t.date()).append(' ').append(t.account()).append(' ').append(t.action().code())
            .append(' ').append(t.symbol().map(Symbol::value).orElse("")).append(' ')
            .append(t.quantity().map(BigDecimal::toPlainString).orElse("")).append(" @ ")
            .append(t.price().map(BigDecimal::toPlainString).orElse(t.amount().map(BigDecimal::toPlainString).orElse("")))
            .append(t.fees().signum() > 0 ? " fees " + t.fees().toPlainString() : "").append('\n');
      }
      return out.toString();
    }
  }

  private RandomHistory() {}

  /** The same history with every account opening with {@code cash} dollars instead. */
  static History withCash(History history, BigDecimal cash) {
    List<Account> accounts = history.household().accounts().stream()
        .map(a -> new Account(a.id(), a.type(), a.owners(), a.custodian(), a.lotMethod(), a.tradable(), cash, a.reserve(),
            a.source(), a.available(), a.basisReporting()))
        .toList();
    Household household = new Household(history.household().name(), history.household().members(),
        history.household().tax(), accounts, history.household().source());
    return new History(household, history.openingLots(), history.transactions(), history.symbols());
  }

  /** Fractional shares, fees and every lot method. */
  static Arbitrary<History> histories() {
    return specs(false).map(RandomHistory::build);
  }

  /** Whole shares, no fees, FIFO everywhere: every amount is an exact number of cents per share. */
  static Arbitrary<History> wholeShareFifoHistories() {
    return specs(true).map(RandomHistory::build);
  }

  private static Arbitrary<Spec> specs(boolean wholeShares) {
    Arbitrary<AccountType> type = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(AccountType.TAXABLE)),
        Tuple.of(1, Arbitraries.just(AccountType.TRADITIONAL)),
        Tuple.of(1, Arbitraries.just(AccountType.ROTH)),
        Tuple.of(1, Arbitraries.just(AccountType.HSA)));
    Arbitrary<List<AccountType>> others = type.list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<LotMethod> method = wholeShares
        ? Arbitraries.just(LotMethod.FIFO)
        : Arbitraries.of(LotMethod.FIFO, LotMethod.LIFO, LotMethod.HIFO, LotMethod.MIN_TAX);
    Arbitrary<List<LotMethod>> methods = method.list().ofSize(4);
    Arbitrary<Integer> symbols = Arbitraries.integers().between(1, 3);
    Arbitrary<RawOpening> opening = Combinators.combine(
        Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(1, 30),
        Arbitraries.integers().between(6000, 14000),
        Arbitraries.integers().between(0, 600),
        Arbitraries.integers().between(0, 5).map(n -> n == 0))
        .as(RawOpening::new);
    Arbitrary<RawRow> row = Combinators.combine(
        Arbitraries.integers().between(0, DAYS - 1),
        Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 99),
        Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(1, 20),
        Arbitraries.integers().between(0, 999),
        Arbitraries.integers().between(6000, 14000),
        wholeShares
            ? Arbitraries.just(0)
            : Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 999))))
        .as(RawRow::new);
    return Combinators.combine(
        others,
        methods,
        symbols,
        opening.list().ofMaxSize(3),
        row.list().ofMinSize(5).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform()))
        .as((o, m, s, op, r) -> {
          List<AccountType> types = new ArrayList<>();
          types.add(AccountType.TAXABLE);
          types.addAll(o);
          return new Spec(types, m, s, op, r, wholeShares);
        });
  }

  static History build(Spec spec) {
    int accountCount = spec.types().size();
    HouseholdBuilder builder = HouseholdBuilder.household("Random");
    for (int i = 0; i < accountCount; i++) {
      builder.account("a" + i, spec.types().get(i)).cash(CASH).lotMethod(spec.methods().get(i));
    }
    Household household = builder.build();

    Map<String, BigDecimal> held = new HashMap<>();
    List<OpeningLot> openings = new ArrayList<>();
    for (RawOpening raw : spec.openings()) {
      String account = "a" + (raw.account() % accountCount);
      String symbol = SYMBOLS.get(raw.symbol() % spec.symbols());
      BigDecimal quantity = BigDecimal.valueOf(raw.shares());
      BigDecimal basis = quantity.multiply(cents(raw.priceCents()));
      LocalDate acquired = START.minusDays(raw.daysBefore() + 1L);
      openings.add(new OpeningLot(AccountId.of(account), Symbol.of(symbol), quantity, basis, Optional.of(acquired),
          raw.inherited(), Optional.empty(), SourceRef.of("lots.csv", openings.size() + 2)));
      held.merge(account + " " + symbol, quantity, BigDecimal::add);
    }

    List<RawRow> rows = new ArrayList<>(spec.rows());
    rows.sort(Comparator.comparingInt(RawRow::day)); // stable: the generated order is the file order of a day
    List<Transaction> transactions = new ArrayList<>();
    for (RawRow raw : rows) {
      String account = "a" + (raw.account() % accountCount);
      String symbol = SYMBOLS.get(raw.symbol() % spec.symbols());
      String key = account + " " + symbol;
      BigDecimal holding = held.getOrDefault(key, BigDecimal.ZERO);
      Action action;
      if (raw.kind() < 45) {
        action = Action.BUY;
      } else if (raw.kind() < 85) {
        action = holding.signum() > 0 ? Action.SELL : Action.BUY;
      } else if (raw.kind() < 97) {
        action = Action.REINVEST;
      } else {
        action = Action.INHERIT;
      }
      BigDecimal quantity;
      if (action == Action.SELL) {
        quantity = sellQuantity(raw, holding, spec.wholeShares());
        held.put(key, holding.subtract(quantity));
      } else {
        quantity = spec.wholeShares() || action != Action.REINVEST
            ? BigDecimal.valueOf(raw.shares())
            : BigDecimal.valueOf(raw.shares() * 1000L + raw.thousandths(), 3).divide(BigDecimal.TEN);
        if (quantity.signum() == 0) {
          quantity = BigDecimal.ONE;
        }
        held.merge(key, quantity, BigDecimal::add);
      }
      LocalDate date = START.plusDays(raw.day());
      Transaction t = new Transaction(date, AccountId.of(account), action, Optional.of(Symbol.of(symbol)),
          Optional.of(quantity), Optional.of(cents(raw.priceCents())), Optional.empty(),
          action == Action.INHERIT ? BigDecimal.ZERO : cents(raw.feeCents()), Optional.empty(),
          SourceRef.of("transactions.csv", transactions.size() + 2));
      transactions.add(t);
    }
    return new History(household, openings, transactions, spec.symbols());
  }

  private static BigDecimal sellQuantity(RawRow raw, BigDecimal holding, boolean wholeShares) {
    if (raw.thousandths() % 4 == 0) {
      return holding; // sell everything
    }
    if (wholeShares) {
      int whole = holding.intValueExact();
      return BigDecimal.valueOf(1 + (raw.shares() - 1) % whole);
    }
    long units = holding.movePointRight(4).longValueExact(); // quantities have at most 4 decimals
    long pick = 1 + Math.floorMod((long) raw.shares() * 7919L + raw.thousandths() * 104729L, units);
    return BigDecimal.valueOf(pick, 4);
  }

  private static BigDecimal cents(int cents) {
    return BigDecimal.valueOf(cents, 2);
  }
}
