package dev.keel.core.ledger;

import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.household.LotMethod;
import dev.keel.core.money.Decimals;
import dev.keel.core.problem.Problem;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.HoldingPeriod;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One replay of the ledger; not thread-safe, used once.
 *
 * <p>Wash sales. A sale in a taxable account at a loss, lot by lot (a loss on one lot is never
 * netted against gains on others sold the same day), is matched with replacement shares of the
 * same security or of its identical group, in any account of the household, acquired by purchase
 * (buys, reinvested dividends, opening lots; not inheritances) within 30 days before or after it:
 *
 * <ol>
 *   <li>At the sale, shares still held that were acquired in the 30 days up to and including the
 *       sale day are matched first, in the order they were acquired. Shares from the very
 *       acquisition whose other shares were sold, and the sold shares themselves, are never
 *       replacements.
 *   <li>What remains unmatched waits; each later purchase within 30 days is matched with the
 *       waiting losses in the order of their sales.
 *   <li>Each replacement share serves once. The disallowed loss is the sold lot's loss per share
 *       times the matched shares (to the cent; the last match takes the exact remainder). It is
 *       added to the replacement shares' basis, and the sold lot's holding period is tacked onto
 *       theirs; a replacement in an IRA, Roth, HSA or 401(k) makes the loss permanently disallowed
 *       and its basis is not raised (Rev. Rul. 2008-5).
 * </ol>
 *
 * <p>A replacement bought before the sale but sold again before it no longer counts: matching
 * considers shares still held at the time of the sale. This is the reading used by brokers'
 * 1099-B reporting; the stricter reading would reopen a sale already reported.
 */
final class Replay {

  private static final int WINDOW_DAYS = 30;

  private final LedgerInput input;
  private final Map<AccountId, Account> accounts = new LinkedHashMap<>();
  private final Map<AccountId, List<Lot>> lots = new LinkedHashMap<>();
  private final Map<AccountId, BigDecimal> cash = new LinkedHashMap<>();
  private final Set<LotId> usedIds = new HashSet<>();
  private final Map<String, Integer> idCounters = new HashMap<>();
  private final Map<LotId, Integer> splitCounters = new HashMap<>();
  private final List<Draft> drafts = new ArrayList<>();
  private final List<Pending> pending = new ArrayList<>();
  private final List<WashSale> washSales = new ArrayList<>();
  private final List<Income> income = new ArrayList<>();
  private final List<Acquisition> acquisitions = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private long sequence;
  private long origin;

  Replay(LedgerInput input) {
    this.input = input;
    for (Account account : input.household().accounts()) {
      accounts.put(account.id(), account);
      lots.put(account.id(), new ArrayList<>());
      cash.put(account.id(), account.cash());
    }
  }

  LedgerResult run() {
    for (OpeningLot opening : input.openingLots()) {
      open(opening);
    }
    List<Transaction> ordered = new ArrayList<>();
    for (Transaction t : input.transactions()) {
      if (input.through().map(d -> !t.date().isAfter(d)).orElse(true)) {
        ordered.add(t);
      }
    }
    ordered.sort(Comparator.comparing(Transaction::date)); // stable: same-day rows keep file order
    for (Transaction t : ordered) {
      pending.removeIf(p -> p.saleDate.plusDays(WINDOW_DAYS).isBefore(t.date()));
      if (!accounts.containsKey(t.account())) {
        problems.add(Problem.at(t.source(), "account", t.account().value(), "is not an account of household.yaml"));
        continue;
      }
      apply(t);
    }
    Map<AccountId, AccountPosition> positions = new LinkedHashMap<>();
    for (Account account : accounts.values()) {
      positions.put(account.id(), new AccountPosition(account, lots.get(account.id()), cash.get(account.id())));
    }
    List<Disposal> disposals = drafts.stream().map(Draft::build).toList();
    return new LedgerResult(positions, disposals, washSales, income, acquisitions, problems);
  }

  private void open(OpeningLot opening) {
    if (!accounts.containsKey(opening.account())) {
      problems.add(Problem.at(opening.source(), "account", opening.account().value(), "is not an account of household.yaml"));
      return;
    }
    Optional<LotId> id = claimId(opening.lotId(), opening.account(), opening.symbol(), opening.source());
    if (id.isEmpty()) {
      return;
    }
    LocalDate acquired = opening.acquired().orElse(null);
    if (acquired != null && input.through().map(acquired::isAfter).orElse(false)) {
      // Not held yet on the date the books are kept to: it enters on its acquisition date, like a
      // purchase recorded after that date. Its id stays claimed, so generated ids never shift.
      return;
    }
    Lot lot = new Lot(id.get(), opening.account(), opening.symbol(), opening.quantity(), opening.costBasis(), acquired,
        acquired, opening.inherited(), BigDecimal.ZERO, ++origin, false, ++sequence);
    lots.get(opening.account()).add(lot);
    if (!opening.inherited()) {
      acquisitions.add(new Acquisition(acquired, lot.account(), lot.symbol(), lot.quantity(), lot.id()));
    }
  }

  private void apply(Transaction t) {
    switch (t.action()) {
      case BUY, REINVEST, INHERIT -> acquire(t);
      case SELL -> sell(t);
      case DEPOSIT -> addCash(t, t.amount().orElseThrow());
      case DIVIDEND, INTEREST -> {
        addCash(t, t.amount().orElseThrow());
        income.add(new Income(t.date(), t.account(), t.action(), t.symbol(), t.amount().orElseThrow()));
      }
      case WITHDRAWAL, FEE -> spend(t, t.amount().orElseThrow(), "amount");
    }
  }

  private void addCash(Transaction t, BigDecimal amount) {
    cash.merge(t.account(), amount, BigDecimal::add);
  }

  private boolean spend(Transaction t, BigDecimal amount, String field) {
    BigDecimal after = cash.get(t.account()).subtract(amount);
    if (after.signum() < 0) {
      problems.add(Problem.at(t.source(), field, amount.toPlainString(),
          "would take cash in " + t.account() + " to " + after.toPlainString() + " on " + t.date()
              + "; cash may not go negative (record the deposit or sale that funds it first)"));
      return false;
    }
    cash.put(t.account(), after);
    return true;
  }

  private void acquire(Transaction t) {
    Symbol symbol = t.symbol().orElseThrow();
    BigDecimal gross = t.gross();
    BigDecimal basis = gross.add(t.fees());
    // A row that cannot be booked must leave no trace: check its lot id before any cash moves.
    if (t.lotId().isPresent() && usedIds.contains(t.lotId().get())) {
      problems.add(duplicateId(t.lotId().get(), t.source()));
      return;
    }
    switch (t.action()) {
      case BUY -> {
        if (!spend(t, basis, t.amount().isPresent() ? "amount" : "price")) {
          return;
        }
      }
      case REINVEST -> {
        // The dividend arrives and is spent at once; only fees touch the account's cash.
        if (t.fees().signum() > 0 && !spend(t, t.fees(), "fees")) {
          return;
        }
        income.add(new Income(t.date(), t.account(), Action.REINVEST, t.symbol(), gross));
      }
      default -> {
        // INHERIT: the basis is the value given; only fees (added to it) touch the account's cash.
        if (t.fees().signum() > 0 && !spend(t, t.fees(), "fees")) {
          return;
        }
      }
    }
    Optional<LotId> id = claimId(t.lotId(), t.account(), symbol, t.source());
    if (id.isEmpty()) {
      return;
    }
    boolean inherited = t.action() == Action.INHERIT;
    Lot lot = new Lot(id.get(), t.account(), symbol, t.quantity().orElseThrow(), basis, t.date(), t.date(), inherited,
        BigDecimal.ZERO, ++origin, false, ++sequence);
    lots.get(t.account()).add(lot);
    if (!inherited) {
      acquisitions.add(new Acquisition(t.date(), t.account(), symbol, lot.quantity(), lot.id()));
      matchLaterPurchase(lot);
    }
  }

  private void sell(Transaction t) {
    Symbol symbol = t.symbol().orElseThrow();
    BigDecimal quantity = t.quantity().orElseThrow();
    Account account = accounts.get(t.account());
    List<Lot> ofSymbol = lots.get(t.account()).stream().filter(l -> l.symbol().equals(symbol)).toList();
    // An opening lot acquired after the sale cannot be relieved by it: the sale would reach Form 8949
    // with a date sold before the date acquired.
    java.util.function.Predicate<Lot> heldThen = l -> l.acquired() == null || !l.acquired().isAfter(t.date());
    List<Lot> held = ofSymbol.stream().filter(heldThen).toList();
    BigDecimal total = held.stream().map(Lot::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (t.lotId().isPresent()) {
      Optional<Lot> later = ofSymbol.stream().filter(l -> l.id().equals(t.lotId().get()) && !heldThen.test(l)).findFirst();
      if (later.isPresent()) {
        problems.add(Problem.at(t.source(), "lot_id", t.lotId().get().value(),
            "was acquired on " + later.get().acquired() + ", after this sale on " + t.date() + "; a sale relieves only lots held on its date"));
        return;
      }
    }
    if (quantity.compareTo(total) > 0) {
      String later = ofSymbol.size() > held.size()
          ? " (lots acquired after that date are not counted: " + ofSymbol.stream().filter(heldThen.negate())
              .map(l -> l.id() + " on " + l.acquired()).limit(3).reduce((a, b) -> a + ", " + b).orElse("") + ")"
          : "";
      problems.add(Problem.at(t.source(), "quantity", quantity.toPlainString(),
          "is more than the " + total.stripTrailingZeros().toPlainString() + " " + symbol + " held in " + t.account()
              + " on " + t.date() + later));
      return;
    }
    BigDecimal proceeds = t.gross().subtract(t.fees());
    List<Lot> order;
    if (t.lotId().isPresent()) {
      LotId wanted = t.lotId().get();
      Optional<Lot> lot = held.stream().filter(l -> l.id().equals(wanted)).findFirst();
      if (lot.isEmpty()) {
        problems.add(Problem.at(t.source(), "lot_id", wanted.value(),
            "is not an open " + symbol + " lot in " + t.account() + " on " + t.date()));
        return;
      }
      if (quantity.compareTo(lot.get().quantity()) > 0) {
        problems.add(Problem.at(t.source(), "quantity", quantity.toPlainString(),
            "is more than the " + lot.get().quantity().stripTrailingZeros().toPlainString() + " shares left in lot " + wanted));
        return;
      }
      order = List.of(lot.get());
    } else if (account.lotMethod() == LotMethod.SPECIFIC) {
      problems.add(Problem.at(t.source(), "lot_id", null,
          "is required: account " + t.account() + " uses specific identification, so each sale must name its lot"));
      return;
    } else {
      BigDecimal pricePerShare = Decimals.ratio(t.gross(), quantity);
      order = LotSelector.order(held, account.lotMethod(), pricePerShare, t.date(), input.rates());
    }
    if (proceeds.signum() < 0 && !spend(t, proceeds.negate(), "fees")) {
      return;
    }
    if (proceeds.signum() >= 0) {
      addCash(t, proceeds);
    }

    List<Draft> losses = new ArrayList<>();
    BigDecimal left = quantity;
    BigDecimal proceedsLeft = proceeds;
    for (Lot lot : order) {
      if (left.signum() == 0) {
        break;
      }
      BigDecimal q = left.min(lot.quantity());
      left = left.subtract(q);
      BigDecimal lotProceeds = left.signum() == 0 ? proceedsLeft : LotRelief.share(proceeds, q, quantity);
      proceedsLeft = proceedsLeft.subtract(lotProceeds);
      LotRelief.Relief relief = LotRelief.relieve(lot, q);
      replace(lot, relief.remaining().map(List::of).orElse(List.of()));
      Draft draft = new Draft(lot, q, t.date(), lotProceeds, relief.relievedBasis(), relief.relievedWashAdjustment(),
          account.taxable(), t.source());
      drafts.add(draft);
      if (account.taxable() && relief.relievedBasis().compareTo(lotProceeds) > 0) {
        losses.add(draft);
      }
    }
    for (Draft loss : losses) {
      Pending wait = new Pending(loss, identity(symbol));
      matchEarlierPurchases(wait);
      if (wait.unmatched.signum() > 0) {
        pending.add(wait);
      }
    }
  }

  /** Look-back: shares still held, acquired by purchase in the 30 days up to the sale. */
  private void matchEarlierPurchases(Pending wait) {
    LocalDate from = wait.saleDate.minusDays(WINDOW_DAYS);
    List<Lot> candidates = new ArrayList<>();
    for (List<Lot> accountLots : lots.values()) {
      for (Lot lot : accountLots) {
        if (!lot.inherited() && !lot.replacement() && lot.origin() != wait.draft.lot.origin()
            && identity(lot.symbol()).equals(wait.identity)
            && !lot.acquired().isBefore(from) && !lot.acquired().isAfter(wait.saleDate)) {
          candidates.add(lot);
        }
      }
    }
    candidates.sort(Comparator.comparing(Lot::acquired).thenComparingLong(Lot::sequence));
    for (Lot candidate : candidates) {
      if (wait.unmatched.signum() == 0) {
        break;
      }
      match(wait, candidate);
    }
  }

  /** Look-forward: a new purchase replaces losses still waiting, earliest sale first. */
  private void matchLaterPurchase(Lot purchase) {
    String id = identity(purchase.symbol());
    Lot rest = purchase;
    for (Iterator<Pending> it = pending.iterator(); it.hasNext() && rest != null; ) {
      Pending wait = it.next();
      if (!wait.identity.equals(id) || wait.saleDate.plusDays(WINDOW_DAYS).isBefore(purchase.acquired())) {
        continue;
      }
      rest = match(wait, rest);
      if (wait.unmatched.signum() == 0) {
        it.remove();
      }
    }
  }

  /** Matches replacement shares of {@code candidate} with a waiting loss; returns what is left unmatched of it. */
  private Lot match(Pending wait, Lot candidate) {
    BigDecimal m = wait.unmatched.min(candidate.quantity());
    BigDecimal part = m.compareTo(wait.unmatched) == 0
        ? wait.remainingLoss
        : LotRelief.share(wait.remainingLoss, m, wait.unmatched);
    boolean permanent = accounts.get(candidate.account()).type().taxAdvantaged();

    Lot base;
    Lot rest;
    if (m.compareTo(candidate.quantity()) == 0) {
      base = candidate;
      rest = null;
    } else {
      LotRelief.Relief split = LotRelief.relieve(candidate, m);
      rest = split.remaining().orElseThrow();
      base = new Lot(splitId(candidate.id()), candidate.account(), candidate.symbol(), m, split.relievedBasis(),
          candidate.acquired(), candidate.holdingSince(), candidate.inherited(), split.relievedWashAdjustment(),
          candidate.origin(), false, candidate.sequence());
    }
    Lot sold = wait.draft.lot;
    long tacked = 0;
    LocalDate holdingSince = base.holdingSince();
    if (!permanent) {
      if (sold.inherited() || sold.holdingSince() == null) {
        // An inherited lot counts as held more than a year; its replacement inherits that.
        holdingSince = base.acquired().minusYears(1).minusDays(1);
        tacked = HoldingPeriod.daysHeld(holdingSince, base.acquired());
      } else {
        tacked = HoldingPeriod.daysHeld(sold.holdingSince(), wait.saleDate);
        holdingSince = base.acquired().minusDays(tacked);
      }
    }
    Lot replacement = base.asReplacement(base.id(), permanent ? BigDecimal.ZERO : part, holdingSince, false);
    List<Lot> replaced = new ArrayList<>();
    replaced.add(replacement);
    if (rest != null) {
      replaced.add(rest);
    }
    replace(candidate, replaced);

    WashSale washSale = new WashSale(sold.account(), sold.symbol(), sold.id(), wait.saleDate, replacement.account(),
        replacement.symbol(), replacement.id(), replacement.acquired(), m, part, permanent, tacked);
    washSales.add(washSale);
    wait.draft.washSales.add(washSale);
    wait.draft.disallowed = wait.draft.disallowed.add(part);
    if (permanent) {
      wait.draft.permanent = wait.draft.permanent.add(part);
    }
    wait.unmatched = wait.unmatched.subtract(m);
    wait.remainingLoss = wait.remainingLoss.subtract(part);
    return rest;
  }

  private void replace(Lot old, List<Lot> with) {
    List<Lot> accountLots = lots.get(old.account());
    int index = -1;
    for (int i = 0; i < accountLots.size(); i++) {
      if (accountLots.get(i).id().equals(old.id())) {
        index = i;
        break;
      }
    }
    accountLots.remove(index);
    accountLots.addAll(index, with);
  }

  private String identity(Symbol symbol) {
    return input.securities().identityOf(symbol);
  }

  private Optional<LotId> claimId(Optional<LotId> given, AccountId account, Symbol symbol, SourceRef source) {
    if (given.isPresent()) {
      if (!usedIds.add(given.get())) {
        problems.add(duplicateId(given.get(), source));
        return Optional.empty();
      }
      return given;
    }
    String prefix = account.value() + "/" + symbol.value() + "/";
    LotId id;
    do {
      int n = idCounters.merge(prefix, 1, Integer::sum);
      id = new LotId(prefix + n);
    } while (!usedIds.add(id));
    return Optional.of(id);
  }

  private static Problem duplicateId(LotId id, SourceRef source) {
    return Problem.at(source, "lot_id", id.value(), "is already the id of another lot");
  }

  private LotId splitId(LotId parent) {
    LotId id;
    do {
      int n = splitCounters.merge(parent, 1, Integer::sum);
      id = new LotId(parent.value() + "." + n);
    } while (!usedIds.add(id));
    return id;
  }

  /** A disposal being booked; wash-sale matches may still add to it until 30 days after the sale. */
  private static final class Draft {
    final Lot lot;
    final BigDecimal quantity;
    final LocalDate sold;
    final BigDecimal proceeds;
    final BigDecimal basis;
    final BigDecimal basisWash;
    final boolean taxable;
    final SourceRef source;
    final List<WashSale> washSales = new ArrayList<>();
    BigDecimal disallowed = BigDecimal.ZERO;
    BigDecimal permanent = BigDecimal.ZERO;

    Draft(Lot lot, BigDecimal quantity, LocalDate sold, BigDecimal proceeds, BigDecimal basis, BigDecimal basisWash,
        boolean taxable, SourceRef source) {
      this.lot = lot;
      this.quantity = quantity;
      this.sold = sold;
      this.proceeds = proceeds;
      this.basis = basis;
      this.basisWash = basisWash;
      this.taxable = taxable;
      this.source = source;
    }

    Disposal build() {
      Term term = lot.term(sold);
      return new Disposal(lot.account(), lot.symbol(), lot.id(), quantity, lot.acquired(), lot.holdingSince(),
          lot.inherited(), sold, proceeds, basis, basisWash, disallowed, permanent, term, taxable, washSales, source);
    }
  }

  /** A loss sale's shares not yet matched with replacements. */
  private static final class Pending {
    final Draft draft;
    final String identity;
    final LocalDate saleDate;
    BigDecimal unmatched;
    BigDecimal remainingLoss;

    Pending(Draft draft, String identity) {
      this.draft = draft;
      this.identity = identity;
      this.saleDate = draft.sold;
      this.unmatched = draft.quantity;
      this.remainingLoss = draft.basis.subtract(draft.proceeds);
    }
  }
}
