package dev.keel.core.ledger;

import dev.keel.core.household.Account;
import dev.keel.core.household.AccountType;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deliberately simple, independent model of the ledger for the property tests: every lot is
 * expanded into single shares, sales relieve shares first in, first out, and each share sold at a
 * loss in a taxable account is matched with one replacement share by the rules written in {@link
 * Replay}'s Javadoc:
 *
 * <ul>
 *   <li>at the sale, a held share of the same identical group, in any account, acquired by purchase
 *       (not inherited) in the 30 days up to the sale, not from the sold share's own purchase and
 *       not yet a replacement: the earliest acquired first;
 *   <li>otherwise the loss share waits, and each share later bought within 30 days after the sale
 *       replaces the first loss share still waiting, in the order the losses were realized;
 *   <li>the share's loss is added to the replacement's basis and the sold share's holding period
 *       to the replacement's, unless the replacement is in a tax-advantaged account: then the loss
 *       is lost for good.
 * </ul>
 *
 * <p>It works in whole cents per share and needs whole-share quantities, no fees and FIFO
 * everywhere ({@link RandomHistory#wholeShareFifoHistories()}). No lot, no rounding, no splitting.
 */
final class ShareByShareLedger {

  /**
   * The totals compared with the ledger's, in cents, and every share still held as {@code
   * "account symbol basis-in-cents holding-since"}, sorted.
   */
  record Totals(long disallowed, long permanent, long shortTermGain, long longTermGain, List<String> openShares) {}

  /** How {@link Totals#openShares()} writes one share. */
  static String share(String account, String symbol, long basisCents, LocalDate holdingSince) {
    return account + " " + symbol + " " + basisCents + " " + holdingSince;
  }

  private static final class Share {
    final String account;
    final String symbol;
    final String identity;
    final long origin;
    final int index;
    final LocalDate acquired;
    final boolean inherited;
    final long cost;
    LocalDate holdingSince;
    long adjustment;
    boolean replacement;

    Share(String account, String symbol, String identity, long origin, int index, LocalDate acquired,
        boolean inherited, long cost) {
      this.account = account;
      this.symbol = symbol;
      this.identity = identity;
      this.origin = origin;
      this.index = index;
      this.acquired = acquired;
      this.inherited = inherited;
      this.cost = cost;
      this.holdingSince = acquired;
    }
  }

  /** One share sold at a loss in a taxable account. */
  private record Loss(LocalDate sold, String identity, long origin, long loss, LocalDate holdingSince,
      boolean inherited, Term term) {}

  private static final Comparator<Share> FIRST_IN =
      Comparator.<Share, LocalDate>comparing(s -> s.acquired).thenComparingLong(s -> s.origin)
          .thenComparingInt(s -> s.index);

  private final Map<String, AccountType> types = new HashMap<>();
  private final List<Share> held = new ArrayList<>();
  private final List<Loss> waiting = new ArrayList<>();
  private long origins;
  private long disallowed;
  private long permanent;
  private long shortTermGain;
  private long longTermGain;

  static Totals run(RandomHistory.History history) {
    return new ShareByShareLedger().replay(history);
  }

  private Totals replay(RandomHistory.History history) {
    for (Account account : history.household().accounts()) {
      types.put(account.id().value(), account.type());
    }
    for (OpeningLot lot : history.openingLots()) {
      int shares = lot.quantity().intValueExact();
      long cost = cents(lot.costBasis()) / shares;
      acquire(lot.account().value(), lot.symbol().value(), shares, cost, lot.acquired().orElseThrow(), lot.inherited(),
          false);
    }
    List<Transaction> rows = new ArrayList<>(history.transactions());
    rows.sort(Comparator.comparing(Transaction::date));
    for (Transaction t : rows) {
      String account = t.account().value();
      String symbol = t.symbol().orElseThrow().value();
      int shares = t.quantity().orElseThrow().intValueExact();
      long price = cents(t.price().orElseThrow());
      switch (t.action()) {
        case BUY, REINVEST -> acquire(account, symbol, shares, price, t.date(), false, true);
        case INHERIT -> acquire(account, symbol, shares, price, t.date(), true, false);
        case SELL -> sell(account, symbol, shares, price, t.date());
        default -> throw new IllegalArgumentException("not generated: " + t.action());
      }
    }
    List<String> open = held.stream()
        .map(h -> share(h.account, h.symbol, h.cost + h.adjustment, h.holdingSince)).sorted().toList();
    return new Totals(disallowed, permanent, shortTermGain, longTermGain, open);
  }

  private void acquire(String account, String symbol, int shares, long cost, LocalDate date, boolean inherited,
      boolean matchWaiting) {
    long origin = ++origins;
    for (int i = 0; i < shares; i++) {
      Share share = new Share(account, symbol, identity(symbol), origin, i, date, inherited, cost);
      held.add(share);
      if (matchWaiting) {
        waiting.stream()
            .filter(l -> l.identity().equals(share.identity) && !l.sold().plusDays(30).isBefore(date))
            .findFirst()
            .ifPresent(l -> {
              waiting.remove(l);
              replace(share, l);
            });
      }
    }
  }

  private void sell(String account, String symbol, int shares, long price, LocalDate date) {
    List<Share> sold = held.stream().filter(s -> s.account.equals(account) && s.symbol.equals(symbol))
        .sorted(FIRST_IN).limit(shares).toList();
    if (sold.size() != shares) {
      throw new IllegalStateException("history sells more than held");
    }
    held.removeAll(sold);
    if (types.get(account) != AccountType.TAXABLE) {
      return;
    }
    List<Loss> losses = new ArrayList<>();
    for (Share share : sold) {
      long basis = share.cost + share.adjustment;
      Term term = term(share.holdingSince, share.inherited, date);
      addGain(term, price - basis);
      if (basis > price) {
        losses.add(new Loss(date, share.identity, share.origin, basis - price, share.holdingSince, share.inherited, term));
      }
    }
    for (Loss loss : losses) {
      Optional<Share> replacement = held.stream()
          .filter(s -> s.identity.equals(loss.identity()) && !s.inherited && !s.replacement && s.origin != loss.origin()
              && !s.acquired.isBefore(date.minusDays(30)) && !s.acquired.isAfter(date))
          .min(FIRST_IN);
      if (replacement.isPresent()) {
        replace(replacement.get(), loss);
      } else {
        waiting.add(loss);
      }
    }
  }

  private void replace(Share share, Loss loss) {
    share.replacement = true;
    disallowed += loss.loss();
    addGain(loss.term(), loss.loss());
    if (types.get(share.account) != AccountType.TAXABLE) {
      permanent += loss.loss();
      return;
    }
    share.adjustment += loss.loss();
    share.holdingSince = loss.inherited()
        ? share.acquired.minusYears(1).minusDays(1)
        : share.acquired.minusDays(ChronoUnit.DAYS.between(loss.holdingSince(), loss.sold()));
  }

  private void addGain(Term term, long cents) {
    if (term == Term.SHORT) {
      shortTermGain += cents;
    } else {
      longTermGain += cents;
    }
  }

  /** More than a year, counted in calendar months from the day after {@code since}. */
  private static Term term(LocalDate since, boolean inherited, LocalDate sold) {
    if (inherited) {
      return Term.LONG;
    }
    LocalDate lastDayOfTheYear = since.getDayOfMonth() == since.lengthOfMonth()
        ? since.plusDays(1).plusYears(1).minusDays(1)
        : since.plusYears(1);
    return sold.isAfter(lastDayOfTheYear) ? Term.LONG : Term.SHORT;
  }

  private static String identity(String symbol) {
    return symbol.equals("VOO") || symbol.equals("IVV") ? "sp500" : symbol;
  }

  private static long cents(BigDecimal dollars) {
    return dollars.movePointRight(2).longValueExact();
  }
}
