package dev.keel.core.ledger;

import dev.keel.core.household.AccountId;
import dev.keel.core.household.Household;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link LedgerInput} row by row, the way a user writes lots.csv and transactions.csv,
 * and replays it. Every opening lot gets the source {@code lots.csv:n} and every transaction
 * {@code transactions.csv:n}, n counting from 2 (line 1 is the header), so that problems can be
 * checked against the row they name.
 *
 * <p>Modifiers ({@link #fees}, {@link #lotId}) apply to the row added last.
 */
final class LedgerScenario {

  /** VOO and IVV form the identical group {@code sp500}; the others are identical only to themselves. */
  static final SecurityMaster SECURITIES = SecurityMaster.of(
      Security.of("VOO", "us_stocks", "sp500"),
      Security.of("IVV", "us_stocks", "sp500"),
      Security.of("VTI", "us_stocks", "total_us"),
      Security.of("VXUS", "intl_stocks"),
      Security.of("BND", "bonds"),
      Security.of("X", "us_stocks"),
      Security.of("M", "us_stocks"));

  private final Household household;
  private SecurityMaster securities = SECURITIES;
  private MarginalRates rates;
  private final List<OpeningLot> openingLots = new ArrayList<>();
  private final List<Transaction> transactions = new ArrayList<>();
  private boolean lastWasOpening;

  private LedgerScenario(Household household) {
    this.household = household;
    this.rates = household.tax().rates().orElse(TaxSettings.DEFAULT_RATES);
  }

  static LedgerScenario of(Household household) {
    return new LedgerScenario(household);
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  LedgerScenario securities(SecurityMaster master) {
    this.securities = master;
    return this;
  }

  LedgerScenario rates(String shortTerm, String longTerm) {
    this.rates = MarginalRates.of(shortTerm, longTerm);
    return this;
  }

  // --- lots.csv ----------------------------------------------------------------------------

  /** An opening lot with its total basis in dollars. */
  LedgerScenario open(String account, String symbol, String quantity, String costBasis, String acquired) {
    return addOpening(new OpeningLot(AccountId.of(account), Symbol.of(symbol), new BigDecimal(quantity),
        new BigDecimal(costBasis), Optional.of(date(acquired)), false, Optional.empty(), SourceRef.NONE));
  }

  /** An inherited opening lot; {@code acquired} may be null for "inherited" with no date. */
  LedgerScenario openInherited(String account, String symbol, String quantity, String costBasis, String acquired) {
    return addOpening(new OpeningLot(AccountId.of(account), Symbol.of(symbol), new BigDecimal(quantity),
        new BigDecimal(costBasis), Optional.ofNullable(acquired).map(LocalDate::parse), true, Optional.empty(),
        SourceRef.NONE));
  }

  /** The last opening lot as employer stock held at the start (lots.csv {@code award}). */
  LedgerScenario award(ActionTerms.Award award) {
    int last = openingLots.size() - 1;
    openingLots.set(last, openingLots.get(last).withAward(award));
    return this;
  }

  private LedgerScenario addOpening(OpeningLot lot) {
    SourceRef source = SourceRef.of("lots.csv", openingLots.size() + 2);
    openingLots.add(new OpeningLot(lot.account(), lot.symbol(), lot.quantity(), lot.costBasis(), lot.acquired(),
        lot.inherited(), lot.lotId(), source));
    lastWasOpening = true;
    return this;
  }

  // --- transactions.csv --------------------------------------------------------------------

  LedgerScenario buy(String date, String account, String symbol, String quantity, String price) {
    return row(Transaction.trade(date(date), account, Action.BUY, symbol, quantity, price));
  }

  /** A buy given by its gross amount rather than a price. */
  LedgerScenario buyFor(String date, String account, String symbol, String quantity, String amount) {
    return row(trade(date, account, Action.BUY, symbol, quantity, amount));
  }

  LedgerScenario sell(String date, String account, String symbol, String quantity, String price) {
    return row(Transaction.trade(date(date), account, Action.SELL, symbol, quantity, price));
  }

  /** A sale given by its gross amount rather than a price. */
  LedgerScenario sellFor(String date, String account, String symbol, String quantity, String amount) {
    return row(trade(date, account, Action.SELL, symbol, quantity, amount));
  }

  LedgerScenario reinvest(String date, String account, String symbol, String quantity, String price) {
    return row(Transaction.trade(date(date), account, Action.REINVEST, symbol, quantity, price));
  }

  /** Inherited shares worth {@code amount} at death. */
  LedgerScenario inherit(String date, String account, String symbol, String quantity, String amount) {
    return row(trade(date, account, Action.INHERIT, symbol, quantity, amount));
  }

  LedgerScenario deposit(String date, String account, String amount) {
    return row(Transaction.cash(date(date), account, Action.DEPOSIT, amount));
  }

  LedgerScenario withdraw(String date, String account, String amount) {
    return row(Transaction.cash(date(date), account, Action.WITHDRAWAL, amount));
  }

  LedgerScenario dividend(String date, String account, String amount) {
    return row(Transaction.cash(date(date), account, Action.DIVIDEND, amount));
  }

  LedgerScenario interest(String date, String account, String amount) {
    return row(Transaction.cash(date(date), account, Action.INTEREST, amount));
  }

  LedgerScenario fee(String date, String account, String amount) {
    return row(Transaction.cash(date(date), account, Action.FEE, amount));
  }

  /** Shares moved in kind from {@code from} to {@code to}. */
  LedgerScenario transfer(String date, String from, String to, String symbol, String quantity) {
    return row(new Transaction(date(date), AccountId.of(from), Action.TRANSFER, Optional.of(Symbol.of(symbol)),
        Optional.of(new BigDecimal(quantity)), Optional.empty(), Optional.empty(), BigDecimal.ZERO, Optional.empty(),
        SourceRef.NONE, Optional.of(new ActionTerms.Transfer(AccountId.of(to)))));
  }

  /** A split {@code ratio} (NEW:OLD) of the symbol in every account, or in {@code account} when not null. */
  LedgerScenario split(String date, String account, String symbol, String ratio) {
    return row(new Transaction(date(date), account == null ? null : AccountId.of(account), Action.SPLIT,
        Optional.of(Symbol.of(symbol)), Optional.empty(), Optional.empty(), Optional.empty(), BigDecimal.ZERO,
        Optional.empty(), SourceRef.NONE, Optional.of(ActionTerms.Split.parse(ratio).orElseThrow())));
  }

  /** RSUs vesting at {@code fmv} a share; {@code reportedBasis} may be null for the default (0). */
  LedgerScenario rsuVest(String date, String account, String symbol, String quantity, String fmv, String reportedBasis) {
    return row(new Transaction(date(date), AccountId.of(account), Action.RSU_VEST, Optional.of(Symbol.of(symbol)),
        Optional.of(new BigDecimal(quantity)), Optional.of(new BigDecimal(fmv)), Optional.empty(), BigDecimal.ZERO,
        Optional.empty(), SourceRef.NONE,
        Optional.of(new ActionTerms.Award(Optional.ofNullable(reportedBasis).map(BigDecimal::new), Optional.empty()))));
  }

  /** An ESPP purchase at {@code paid} a share, with the offering facts. */
  LedgerScenario esppPurchase(String date, String account, String symbol, String quantity, String paid, String fmv,
      String offeringDate, String offeringFmv, String offeringPrice) {
    EsppOffering offering = new EsppOffering(date(offeringDate), new BigDecimal(offeringFmv), new BigDecimal(offeringPrice),
        new BigDecimal(fmv));
    return row(new Transaction(date(date), AccountId.of(account), Action.ESPP_PURCHASE, Optional.of(Symbol.of(symbol)),
        Optional.of(new BigDecimal(quantity)), Optional.of(new BigDecimal(paid)), Optional.empty(), BigDecimal.ZERO,
        Optional.empty(), SourceRef.NONE, Optional.of(new ActionTerms.Award(Optional.empty(), Optional.of(offering)))));
  }

  /** A nondividend distribution of {@code amount} dollars on the symbol's shares in the account. */
  LedgerScenario returnOfCapital(String date, String account, String symbol, String amount) {
    return row(new Transaction(date(date), AccountId.of(account), Action.RETURN_OF_CAPITAL, Optional.of(Symbol.of(symbol)),
        Optional.empty(), Optional.empty(), Optional.of(new BigDecimal(amount)), BigDecimal.ZERO, Optional.empty(),
        SourceRef.NONE));
  }

  LedgerScenario row(Transaction t) {
    transactions.add(t.withSource(SourceRef.of("transactions.csv", transactions.size() + 2)));
    lastWasOpening = false;
    return this;
  }

  /** Fees of the last transaction. */
  LedgerScenario fees(String dollars) {
    return modifyLast(t -> t.withFees(dollars));
  }

  /** The lot id of the last row: the lot a sale relieves, or the id a purchase or opening lot gets. */
  LedgerScenario lotId(String id) {
    if (lastWasOpening) {
      int last = openingLots.size() - 1;
      openingLots.set(last, openingLots.get(last).withLotId(id));
      return this;
    }
    return modifyLast(t -> t.withLotId(id));
  }

  private LedgerScenario modifyLast(UnaryOperator<Transaction> change) {
    int last = transactions.size() - 1;
    transactions.set(last, change.apply(transactions.get(last)));
    return this;
  }

  private static Transaction trade(String date, String account, Action action, String symbol, String quantity,
      String amount) {
    return new Transaction(date(date), AccountId.of(account), action, Optional.of(Symbol.of(symbol)),
        Optional.of(new BigDecimal(quantity)), Optional.empty(), Optional.of(new BigDecimal(amount)), BigDecimal.ZERO,
        Optional.empty(), SourceRef.NONE);
  }

  // --- replay ------------------------------------------------------------------------------

  LedgerInput input() {
    return new LedgerInput(household, securities, openingLots, transactions, rates, Optional.empty());
  }

  LedgerResult replay() {
    return Ledger.DEFAULT.replay(input());
  }

  LedgerResult replayThrough(String date) {
    return Ledger.DEFAULT.replay(input().through(date(date)));
  }

  /** Replays and fails when any row could not be booked, listing the problems. */
  LedgerResult replayOk() {
    LedgerResult result = replay();
    if (!result.ok()) {
      throw new AssertionError("expected no problems, got " + result.problems());
    }
    return result;
  }

  // --- lookups on a result -----------------------------------------------------------------

  static Lot lot(LedgerResult result, String id) {
    return result.lots().stream().filter(l -> l.id().value().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no open lot " + id + " in " + result.lots()));
  }

  static List<Lot> lots(LedgerResult result, String account, String symbol) {
    return result.account(AccountId.of(account)).lotsOf(Symbol.of(symbol));
  }

  /** The only disposal of lot {@code id}. */
  static Disposal disposal(LedgerResult result, String id) {
    List<Disposal> found = result.disposals().stream().filter(d -> d.lotId().value().equals(id)).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one disposal of lot " + id + ", got " + found);
    }
    return found.get(0);
  }

  static BigDecimal cash(LedgerResult result, String account) {
    return result.account(AccountId.of(account)).cash();
  }

  static BigDecimal totalDisallowed(LedgerResult result) {
    return result.disposals().stream().map(Disposal::disallowed).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
