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
 *       times the matched shares, rounded to the cent on the running total of the sale's matches
 *       ({@code Pending.disallowedWith}; a sale matched in full disallows exactly its loss). It is
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
      pending.removeIf(p -> WashSaleWindow.hasClosedBefore(p.saleDate, t.date()));
      if (t.account() != null && !accounts.containsKey(t.account())) {
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
        acquired, opening.inherited(), BigDecimal.ZERO, ++origin, false, ++sequence, opening.equityAward());
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
      case DIVIDEND, INTEREST, QUALIFIED_DIVIDEND, CAP_GAIN_DISTRIBUTION -> {
        addCash(t, t.amount().orElseThrow());
        income.add(new Income(t.date(), t.account(), t.action(), t.symbol(), t.amount().orElseThrow()));
      }
      case WITHDRAWAL, FEE -> spend(t, t.amount().orElseThrow(), "amount");
      case RSU_VEST, ESPP_PURCHASE -> acquire(t);
      case TRANSFER -> transfer(t);
      case SPLIT -> split(t);
      case RETURN_OF_CAPITAL -> returnOfCapital(t);
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
        // INHERIT, RSU_VEST, ESPP_PURCHASE: the basis is the value given; only fees (added to it) touch the account's cash.
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
        BigDecimal.ZERO, ++origin, false, ++sequence, award(t, gross));
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
      // The lot as bought: a wash-sale adjustment may have split replacement shares off it as
      // WANTED.n (same purchase, another basis); a broker still holds them as the one purchase lot,
      // so a sale naming it relieves the named lot first, then those pieces in the order they split.
      long origin = lot.get().origin();
      String pieces = wanted.value() + ".";
      List<Lot> named = new ArrayList<>(List.of(lot.get()));
      held.stream().filter(l -> l != lot.get() && l.origin() == origin && l.id().value().startsWith(pieces))
          .sorted(java.util.Comparator.comparingLong(Lot::sequence)).forEach(named::add);
      BigDecimal namedTotal = named.stream().map(Lot::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (quantity.compareTo(namedTotal) > 0) {
        problems.add(Problem.at(t.source(), "quantity", quantity.toPlainString(),
            "is more than the " + namedTotal.stripTrailingZeros().toPlainString() + " shares left in lot " + wanted));
        return;
      }
      order = named;
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
      lot.award().ifPresent(award -> draft.employerStock(award, lotProceeds, relief.relievedWashAdjustment()));
      drafts.add(draft);
      // draft.basis: an ESPP sale's basis includes its ordinary income, so a sale above the price
      // paid can still be a loss that the wash-sale rule applies to.
      if (account.taxable() && draft.basis.compareTo(lotProceeds) > 0) {
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
    List<Lot> candidates = new ArrayList<>();
    for (List<Lot> accountLots : lots.values()) {
      for (Lot lot : accountLots) {
        if (WashSaleReplacement.canReplace(wait.draft.lot, wait.identity, wait.saleDate, lot, this::identity)) {
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
      if (!wait.identity.equals(id) || WashSaleWindow.hasClosedBefore(wait.saleDate, purchase.acquired())) {
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
    // m counts shares of the loss sale; mc the candidate's shares, which differ when the sold
    // security split while the loss waited for its replacement.
    BigDecimal factor = candidate.symbol().equals(wait.draft.lot.symbol()) ? wait.splitFactor : BigDecimal.ONE;
    BigDecimal available = factor.compareTo(BigDecimal.ONE) == 0
        ? candidate.quantity()
        : candidate.quantity().divide(factor, Decimals.RATIO);
    BigDecimal m = wait.unmatched.min(available);
    BigDecimal mc = m.compareTo(available) == 0 ? candidate.quantity() : m.multiply(factor);
    BigDecimal part = wait.disallowedWith(m);
    boolean permanent = accounts.get(candidate.account()).type().taxAdvantaged();

    Lot base;
    Lot rest;
    if (mc.compareTo(candidate.quantity()) == 0) {
      base = candidate;
      rest = null;
    } else {
      LotRelief.Relief split = LotRelief.relieve(candidate, mc);
      rest = split.remaining().orElseThrow();
      base = new Lot(splitId(candidate.id()), candidate.account(), candidate.symbol(), mc, split.relievedBasis(),
          candidate.acquired(), candidate.holdingSince(), candidate.inherited(), split.relievedWashAdjustment(),
          candidate.origin(), false, candidate.sequence(), candidate.award());
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

  /** The award an RSU vest or ESPP purchase row puts on its lot; empty for other rows. */
  private static Optional<EquityAward> award(Transaction t, BigDecimal gross) {
    if (t.action() != Action.RSU_VEST && t.action() != Action.ESPP_PURCHASE) {
      return Optional.empty();
    }
    ActionTerms.Award terms = t.terms().map(ActionTerms.Award.class::cast).orElseThrow();
    return Optional.of(EquityAward.of(terms, gross, t.quantity().orElseThrow()));
  }

  /**
   * In-kind transfer: the lots chosen (the one named, else by the sending account's lot method;
   * first-in first-out for min_tax, which has no sale price to weigh) move whole or in part, with
   * their basis, dates, wash-sale adjustments and identity for the wash-sale rule. Nothing is
   * realized and no cash moves. Both accounts must be taxable, or both of the same tax-advantaged
   * type: anything else is a contribution or distribution, to be recorded as one.
   */
  private void transfer(Transaction t) {
    AccountId to = t.transferTo();
    Account from = accounts.get(t.account());
    Account dest = accounts.get(to);
    if (dest == null) {
      problems.add(Problem.at(t.source(), "to_account", to.value(), "is not an account of household.yaml"));
      return;
    }
    if (to.equals(t.account())) {
      problems.add(Problem.at(t.source(), "to_account", to.value(), "is the sending account; a transfer needs two accounts"));
      return;
    }
    if (from.taxable() != dest.taxable() || (!from.taxable() && from.type() != dest.type())) {
      problems.add(Problem.at(t.source(), "to_account", to.value(),
          "is a " + dest.type().code() + " account and " + t.account() + " a " + from.type().code() + " one: shares move in kind only between taxable accounts or between accounts of the same tax-advantaged"
              + " type; record a sale and a purchase (or a withdrawal and a deposit) instead"));
      return;
    }
    Symbol symbol = t.symbol().orElseThrow();
    BigDecimal quantity = t.quantity().orElseThrow();
    List<Lot> held = lots.get(t.account()).stream().filter(l -> l.symbol().equals(symbol)).toList();
    LotMethod method = from.lotMethod() == LotMethod.MIN_TAX ? LotMethod.FIFO : from.lotMethod();
    Optional<List<Lot>> chosen = chooseLots(t, held, quantity, method, BigDecimal.ZERO);
    if (chosen.isEmpty()) {
      return;
    }
    BigDecimal left = quantity;
    List<Lot> arriving = lots.get(to);
    for (Lot lot : chosen.get()) {
      if (left.signum() == 0) {
        break;
      }
      BigDecimal q = left.min(lot.quantity());
      left = left.subtract(q);
      Lot moved;
      if (q.compareTo(lot.quantity()) == 0) {
        replace(lot, List.of());
        moved = lot.movedTo(to, lot.id());
      } else {
        LotRelief.Relief relief = LotRelief.relieve(lot, q);
        replace(lot, List.of(relief.remaining().orElseThrow()));
        moved = new Lot(splitId(lot.id()), to, symbol, q, relief.relievedBasis(), lot.acquired(), lot.holdingSince(),
            lot.inherited(), relief.relievedWashAdjustment(), lot.origin(), lot.replacement(), lot.sequence(), lot.award());
      }
      arriving.add(moved);
    }
    // Lots stay in acquisition order in every account.
    arriving.sort(Comparator.comparingLong(Lot::sequence));
  }

  /**
   * Stock split or reverse split (Publication 550, "Stock splits"): every open lot of the symbol, in
   * every account (or the one named), gets {@code new/old} times its shares with the same total
   * basis, so the basis per share is divided by the ratio; acquisition dates and holding periods
   * are unchanged. A loss sold before the split and still waiting for replacement shares is then
   * matched with the new shares at the split ratio (2 shares bought after a 2:1 split replace 1
   * share sold before it).
   */
  private void split(Transaction t) {
    ActionTerms.Split ratio = t.terms().map(ActionTerms.Split.class::cast).orElseThrow();
    Symbol symbol = t.symbol().orElseThrow();
    boolean any = false;
    for (Map.Entry<AccountId, List<Lot>> entry : lots.entrySet()) {
      if (t.account() != null && !entry.getKey().equals(t.account())) {
        continue;
      }
      List<Lot> accountLots = entry.getValue();
      for (int i = 0; i < accountLots.size(); i++) {
        Lot lot = accountLots.get(i);
        if (lot.symbol().equals(symbol)) {
          accountLots.set(i, lot.split(ratio.newShares(), ratio.oldShares()));
          any = true;
        }
      }
    }
    for (Pending wait : pending) {
      if (wait.draft.lot.symbol().equals(symbol) && (t.account() == null || wait.draft.lot.account().equals(t.account()))) {
        wait.splitFactor = wait.splitFactor.multiply(ratio.newShares()).divide(ratio.oldShares(), Decimals.RATIO);
        any = true;
      }
    }
    if (!any) {
      problems.add(Problem.at(t.source(), "symbol", symbol.value(),
          "has no open lot " + (t.account() == null ? "in any account" : "in " + t.account()) + " on " + t.date()
              + " to split, and no recent loss sale of it waits for replacement shares; check the date"));
    }
  }

  /**
   * Return of capital, a nondividend distribution (Publication 550, "Nondividend Distributions"):
   * cash in; the amount is shared among the symbol's lots in the account by shares (to the cent,
   * the last lot taking the remainder) and reduces each lot's basis; what exceeds a lot's basis is
   * a capital gain of that lot's holding period, reported on Form 8949 with the basis at zero. The
   * lots are those held when the row is replayed: date the row on the record date when shares
   * changed hands between the record and payment dates.
   */
  private void returnOfCapital(Transaction t) {
    Symbol symbol = t.symbol().orElseThrow();
    BigDecimal amount = t.amount().orElseThrow();
    List<Lot> held = lots.get(t.account()).stream().filter(l -> l.symbol().equals(symbol)).toList();
    BigDecimal total = held.stream().map(Lot::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.signum() == 0) {
      problems.add(Problem.at(t.source(), "symbol", symbol.value(),
          "is not held in " + t.account() + " on " + t.date() + "; a return of capital reduces the basis of shares held"));
      return;
    }
    addCash(t, amount);
    Account account = accounts.get(t.account());
    BigDecimal left = amount;
    BigDecimal sharesLeft = total;
    for (Lot lot : held) {
      sharesLeft = sharesLeft.subtract(lot.quantity());
      BigDecimal part = sharesLeft.signum() == 0 ? left : LotRelief.share(amount, lot.quantity(), total);
      left = left.subtract(part);
      BigDecimal reduction = part.min(lot.costBasis());
      BigDecimal excess = part.subtract(reduction);
      BigDecimal newBasis = lot.costBasis().subtract(reduction);
      replace(lot, List.of(lot.withQuantityAndBasis(lot.quantity(), newBasis, lot.washAdjustment().min(newBasis))));
      if (excess.signum() > 0) {
        drafts.add(new Draft(lot, BigDecimal.ZERO, t.date(), excess, BigDecimal.ZERO, BigDecimal.ZERO, account.taxable(),
            t.source()));
      }
    }
  }

  /**
   * The lots a sale or transfer of {@code quantity} relieves, in order: the lot named, else by
   * {@code method}. Empty, with the problem recorded, when the row cannot be booked.
   */
  private Optional<List<Lot>> chooseLots(Transaction t, List<Lot> held, BigDecimal quantity, LotMethod method,
      BigDecimal pricePerShare) {
    Symbol symbol = t.symbol().orElseThrow();
    BigDecimal total = held.stream().map(Lot::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (quantity.compareTo(total) > 0) {
      problems.add(Problem.at(t.source(), "quantity", quantity.toPlainString(),
          "is more than the " + total.stripTrailingZeros().toPlainString() + " " + symbol + " held in " + t.account()
              + " on " + t.date()));
      return Optional.empty();
    }
    if (t.lotId().isPresent()) {
      LotId wanted = t.lotId().get();
      Optional<Lot> lot = held.stream().filter(l -> l.id().equals(wanted)).findFirst();
      if (lot.isEmpty()) {
        problems.add(Problem.at(t.source(), "lot_id", wanted.value(),
            "is not an open " + symbol + " lot in " + t.account() + " on " + t.date()));
        return Optional.empty();
      }
      if (quantity.compareTo(lot.get().quantity()) > 0) {
        problems.add(Problem.at(t.source(), "quantity", quantity.toPlainString(),
            "is more than the " + lot.get().quantity().stripTrailingZeros().toPlainString() + " shares left in lot " + wanted));
        return Optional.empty();
      }
      return Optional.of(List.of(lot.get()));
    }
    if (method == LotMethod.SPECIFIC) {
      problems.add(Problem.at(t.source(), "lot_id", null,
          "is required: account " + t.account() + " uses specific identification, so each " + t.action().code()
              + " must name its lot"));
      return Optional.empty();
    }
    return Optional.of(LotSelector.order(held, method, pricePerShare, t.date(), input.rates()));
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
    final BigDecimal basisWash;
    final boolean taxable;
    final SourceRef source;
    final List<WashSale> washSales = new ArrayList<>();
    BigDecimal disallowed = BigDecimal.ZERO;
    BigDecimal permanent = BigDecimal.ZERO;
    BigDecimal basis;
    BigDecimal reportedBasis;
    BigDecimal compensation = BigDecimal.ZERO;

    Draft(Lot lot, BigDecimal quantity, LocalDate sold, BigDecimal proceeds, BigDecimal basis, BigDecimal basisWash,
        boolean taxable, SourceRef source) {
      this.lot = lot;
      this.quantity = quantity;
      this.sold = sold;
      this.proceeds = proceeds;
      this.basis = basis;
      this.reportedBasis = basis;
      this.basisWash = basisWash;
      this.taxable = taxable;
      this.source = source;
    }

    /**
     * Employer stock: the ESPP ordinary income of this sale joins the basis (Publication 525), and
     * the broker's reported basis leaves out the compensation part (Form 8949 code B).
     */
    void employerStock(EquityAward award, BigDecimal lotProceeds, BigDecimal washPart) {
      compensation = award.compensation(quantity, lot.acquired(), sold, lotProceeds);
      basis = basis.add(compensation);
      reportedBasis = award.reportedBasis(quantity).add(washPart);
    }

    Disposal build() {
      Term term = lot.term(sold);
      return new Disposal(lot.account(), lot.symbol(), lot.id(), quantity, lot.acquired(), lot.holdingSince(),
          lot.inherited(), sold, proceeds, basis, basisWash, disallowed, permanent, term, taxable, washSales, source,
          reportedBasis, compensation);
    }
  }

  /** A loss sale's shares not yet matched with replacements. */
  private static final class Pending {
    final Draft draft;
    final String identity;
    final LocalDate saleDate;
    BigDecimal unmatched;
    BigDecimal remainingLoss;
    /** Shares of the sold security now worth one share sold: the product of the splits since the sale. */
    BigDecimal splitFactor = BigDecimal.ONE;

    Pending(Draft draft, String identity) {
      this.draft = draft;
      this.identity = identity;
      this.saleDate = draft.sold;
      this.unmatched = draft.quantity;
      this.remainingLoss = draft.basis.subtract(draft.proceeds);
    }

    /**
     * The loss disallowed by matching {@code m} more shares. Rounding is on the running total, not
     * on each match: after any match, the sale's disallowed loss is {@code loss × matched / sold}
     * to the cent (half-up), which is what Form 8949 column (g) shows, and the match takes the
     * difference from the total before it. A sale matched in full disallows exactly its loss, and
     * the replacement lots' basis adjustments add up to the disallowed loss to the cent; a single
     * match can differ by a cent from its own {@code loss per share × shares} rounded alone.
     */
    BigDecimal disallowedWith(BigDecimal m) {
      if (m.compareTo(unmatched) == 0) {
        return remainingLoss;
      }
      BigDecimal loss = draft.basis.subtract(draft.proceeds);
      BigDecimal before = loss.subtract(remainingLoss);
      BigDecimal matchedAfter = draft.quantity.subtract(unmatched).add(m);
      return LotRelief.share(loss, matchedAfter, draft.quantity).subtract(before);
    }
  }
}
