package dev.keel.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.keel.core.household.Account;
import dev.keel.core.household.Household;
import dev.keel.core.problem.Problem;
import dev.keel.core.tax.HoldingPeriod;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@link Ledger} over random small household histories ({@link RandomHistory}):
 * basis is neither created nor lost, the wash-sale arithmetic adds up, no replacement share
 * serves twice, the result does not depend on the order of accounts or of rows of different days,
 * and an independent share-by-share model ({@link ShareByShareLedger}) finds the same disallowed
 * losses and gains.
 */
class LedgerProperties {

  private static final int TRIES = 200;

  @Provide
  Arbitrary<RandomHistory.History> histories() {
    return RandomHistory.histories();
  }

  @Provide
  Arbitrary<RandomHistory.History> wholeShareFifoHistories() {
    return RandomHistory.wholeShareFifoHistories();
  }

  private static LedgerResult replay(RandomHistory.History history) {
    LedgerResult result = Ledger.DEFAULT.replay(history.input());
    assertThat(result.problems()).as("a generated history always books").isEmpty();
    return result;
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * Opening basis + purchase basis (amount + fees) + wash adjustments added to replacement lots =
   * basis relieved by disposals + basis of the lots still open, to the cent.
   */
  @Property(tries = TRIES)
  void basisIsConserved(@ForAll("histories") RandomHistory.History history) {
    LedgerResult result = replay(history);

    BigDecimal opening = sum(history.openingLots().stream().map(OpeningLot::costBasis).toList());
    BigDecimal bought = sum(history.transactions().stream().filter(t -> t.action() != Action.SELL)
        .map(t -> t.gross().add(t.fees())).toList());
    BigDecimal added = sum(result.washSales().stream().filter(w -> !w.permanent()).map(WashSale::disallowed).toList());
    BigDecimal relieved = sum(result.disposals().stream().map(Disposal::costBasis).toList());
    BigDecimal open = sum(result.lots().stream().map(Lot::costBasis).toList());

    assertThat(relieved.add(open)).isEqualByComparingTo(opening.add(bought).add(added));
  }

  /**
   * Wash-sale cents (docs/formats.md, "Rounding, in one place"): a sale's disallowed loss is its
   * loss × matched shares / shares sold rounded once, to the cent, half-up (IRC §1091(a) disallows
   * the loss on the shares replaced; Publication 550, "Wash Sales"), whatever the number of
   * matches; a sale matched in full disallows exactly its loss.
   */
  @Property(tries = TRIES)
  void disallowedLossIsRoundedOnTheSaleTotal(@ForAll("histories") RandomHistory.History history) {
    LedgerResult result = replay(history);
    // Histories with a washed sale must come up, or this property checks nothing.
    Statistics.label("washed sales").collect(result.disposals().stream().anyMatch(d -> !d.washSales().isEmpty()));
    Statistics.label("washed sales").coverage(c -> c.check(true).percentage(p -> p >= 30)); // about 64%

    for (Disposal d : result.disposals()) {
      if (d.washSales().isEmpty()) {
        continue;
      }
      BigDecimal loss = d.economicGain().negate();
      BigDecimal matched = sum(d.washSales().stream().map(WashSale::quantity).toList());
      BigDecimal expected = LotRelief.share(loss, matched, d.quantity());
      assertThat(d.disallowed()).as(d.lotId() + ": " + matched + " of " + d.quantity() + " shares of a " + loss + " loss")
          .isEqualByComparingTo(expected);
    }
  }

  /** Shares and cash are conserved too: every share bought is sold or still held; cash moves with them. */
  @Property(tries = TRIES)
  void sharesAndCashAreConserved(@ForAll("histories") RandomHistory.History history) {
    LedgerResult result = replay(history);

    Map<String, BigDecimal> shares = new TreeMap<>();
    history.openingLots().forEach(o -> shares.merge(o.account() + " " + o.symbol(), o.quantity(), BigDecimal::add));
    BigDecimal cash = sum(history.household().accounts().stream().map(Account::cash).toList());
    for (Transaction t : history.transactions()) {
      BigDecimal q = t.quantity().orElseThrow();
      String key = t.account() + " " + t.symbol().orElseThrow();
      switch (t.action()) {
        case SELL -> {
          shares.merge(key, q.negate(), BigDecimal::add);
          cash = cash.add(t.gross()).subtract(t.fees());
        }
        case BUY -> {
          shares.merge(key, q, BigDecimal::add);
          cash = cash.subtract(t.gross()).subtract(t.fees());
        }
        default -> {
          shares.merge(key, q, BigDecimal::add);
          cash = cash.subtract(t.fees());
        }
      }
    }
    Map<String, BigDecimal> held = new TreeMap<>();
    result.lots().forEach(l -> held.merge(l.account() + " " + l.symbol(), l.quantity(), BigDecimal::add));
    shares.values().removeIf(q -> q.signum() == 0);

    assertThat(held.keySet()).isEqualTo(shares.keySet());
    held.forEach((key, q) -> assertThat(q).as(key).isEqualByComparingTo(shares.get(key)));
    assertThat(result.cash()).isEqualByComparingTo(cash);
    assertThat(sum(result.disposals().stream().map(Disposal::proceeds).toList())).isEqualByComparingTo(
        sum(history.transactions().stream().filter(t -> t.action() == Action.SELL)
            .map(t -> t.gross().subtract(t.fees())).toList()));
  }

  /**
   * For every disposal: gain = proceeds − basis + disallowed; the disallowed loss is never more
   * than the loss and never turns it into a gain; only taxable losses are washed; its wash sales
   * add up to it.
   */
  @Property(tries = TRIES)
  void everyDisposalAddsUp(@ForAll("histories") RandomHistory.History history) {
    LedgerResult result = replay(history);
    Statistics.label("sales").collect(!result.disposals().isEmpty());
    Statistics.label("sales").coverage(c -> c.check(true).percentage(p -> p >= 50)); // about 83%

    for (Disposal d : result.disposals()) {
      BigDecimal loss = d.costBasis().subtract(d.proceeds()).max(BigDecimal.ZERO);
      assertThat(d.gain()).isEqualByComparingTo(d.proceeds().subtract(d.costBasis()).add(d.disallowed()));
      assertThat(d.disallowed()).isBetween(BigDecimal.ZERO, loss);
      assertThat(d.permanentlyDisallowed()).isBetween(BigDecimal.ZERO, d.disallowed());
      assertThat(d.basisWashAdjustment()).isBetween(BigDecimal.ZERO, d.costBasis());
      if (!d.taxable()) {
        assertThat(d.disallowed()).isZero();
      }
      if (loss.signum() > 0) {
        assertThat(d.gain().signum()).isLessThanOrEqualTo(0);
      }
      assertThat(sum(d.washSales().stream().map(WashSale::disallowed).toList())).isEqualByComparingTo(d.disallowed());
      assertThat(sum(d.washSales().stream().map(WashSale::quantity).toList())).isLessThanOrEqualTo(d.quantity());
      assertThat(sum(d.washSales().stream().filter(WashSale::permanent).map(WashSale::disallowed).toList()))
          .isEqualByComparingTo(d.permanentlyDisallowed());
      assertThat(d.term()).isEqualTo(d.inherited() ? Term.LONG
          : (d.sold().isBefore(HoldingPeriod.longTermFrom(d.holdingSince())) ? Term.SHORT : Term.LONG));
    }
  }

  /**
   * The deferred (not permanent) disallowed loss is exactly the wash adjustment carried by the
   * replacement lots: in the lots still open plus in the basis already relieved.
   */
  @Property(tries = TRIES)
  void deferredLossEqualsAdjustmentCarried(@ForAll("histories") RandomHistory.History history) {
    LedgerResult result = replay(history);

    BigDecimal deferred = sum(result.disposals().stream().map(d -> d.disallowed().subtract(d.permanentlyDisallowed())).toList());
    BigDecimal inOpenLots = sum(result.lots().stream().map(Lot::washAdjustment).toList());
    BigDecimal relieved = sum(result.disposals().stream().map(Disposal::basisWashAdjustment).toList());

    assertThat(inOpenLots.add(relieved)).isEqualByComparingTo(deferred);
    assertThat(result.lots()).allSatisfy(l -> {
      if (l.washAdjustment().signum() != 0) {
        assertThat(l.replacement()).isTrue();
        assertThat(l.account()).matches(a -> history.household().getAccount(a).taxable());
      }
    });
  }

  /**
   * No replacement share serves twice: the shares matched with each purchase never exceed the
   * shares bought, and replacements are acquired by purchase within 30 days of the sale.
   */
  @Property(tries = TRIES)
  void noReplacementShareUsedTwice(@ForAll("histories") RandomHistory.History history) {
    LedgerResult result = replay(history);

    Map<String, BigDecimal> bought = new HashMap<>();
    result.acquisitions().forEach(a -> bought.put(a.lotId().value(), a.quantity()));
    Map<String, BigDecimal> used = new HashMap<>();
    Statistics.label("wash sales").collect(!result.washSales().isEmpty());
    Statistics.label("wash sales").coverage(c -> c.check(true).percentage(p -> p >= 30)); // about 63%
    for (WashSale w : result.washSales()) {
      String id = w.replacementLot().value();
      String purchase = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
      assertThat(bought).as("replacement %s is a purchase", id).containsKey(purchase);
      used.merge(purchase, w.quantity(), BigDecimal::add);
      assertThat(Math.abs(ChronoUnit.DAYS.between(w.saleDate(), w.replacementAcquired())))
          .isLessThanOrEqualTo(30);
      assertThat(history.household().getAccount(w.saleAccount()).taxable()).isTrue();
      assertThat(RandomHistory.SECURITIES.substantiallyIdentical(w.saleSymbol(), w.replacementSymbol())).isTrue();
      assertThat(w.permanent()).isEqualTo(!history.household().getAccount(w.replacementAccount()).taxable());
    }
    used.forEach((purchase, q) -> assertThat(q).as(purchase).isLessThanOrEqualTo(bought.get(purchase)));
  }

  /**
   * With little cash some purchases cannot be paid for, and then some sales sell more than is
   * held: each such row is a problem naming it, and is skipped — replaying the history without
   * those rows books exactly the same — and cash is never negative on any day.
   */
  @Property(tries = 100)
  void rowsThatCannotBeBookedAreSkipped(@ForAll("histories") RandomHistory.History rich,
      @ForAll @IntRange(min = 0, max = 3000) int cash) {
    RandomHistory.History poor = RandomHistory.withCash(rich, BigDecimal.valueOf(cash));
    LedgerResult result = Ledger.DEFAULT.replay(poor.input());

    Set<Integer> lines = new HashSet<>();
    for (Problem p : result.problems()) {
      assertThat(p.file()).isEqualTo("transactions.csv");
      assertThat(p.line()).isBetween(2, poor.transactions().size() + 1);
      assertThat(p.field()).isIn("price", "amount", "fees", "quantity");
      assertThat(lines.add(p.line())).as("one problem per row").isTrue();
    }
    List<Transaction> booked = poor.transactions().stream().filter(t -> !lines.contains(t.source().line())).toList();
    RandomHistory.History cleaned =
        new RandomHistory.History(poor.household(), poor.openingLots(), booked, poor.symbols());
    LedgerResult replayed = replay(cleaned);
    assertThat(fingerprint(replayed)).isEqualTo(fingerprint(result));

    for (LocalDate day = RandomHistory.START; day.isBefore(RandomHistory.START.plusDays(RandomHistory.DAYS));
        day = day.plusDays(7)) {
      LedgerResult then = Ledger.DEFAULT.replay(poor.input().through(day));
      then.positions().forEach(a -> assertThat(a.cash().signum()).as("cash of %s", a.account().id()).isNotNegative());
    }
  }

  /** The household's accounts may be listed in any order. */
  @Property(tries = TRIES)
  void independentOfAccountOrder(@ForAll("histories") RandomHistory.History history, @ForAll long seed) {
    List<Account> accounts = new ArrayList<>(history.household().accounts());
    Collections.shuffle(accounts, new Random(seed));
    Household reordered = new Household(history.household().name(), history.household().members(),
        history.household().tax(), accounts, history.household().source());
    RandomHistory.History other = new RandomHistory.History(reordered, history.openingLots(), history.transactions(),
        history.symbols());

    assertThat(fingerprint(replay(other))).isEqualTo(fingerprint(replay(history)));
  }

  /** Rows of different days may be listed in any order; rows of one day keep theirs. */
  @Property(tries = TRIES)
  void independentOfTheOrderOfDays(@ForAll("histories") RandomHistory.History history, @ForAll long seed) {
    Random random = new Random(seed);
    Map<LocalDate, Deque<Transaction>> byDay = new LinkedHashMap<>();
    history.transactions().forEach(t -> byDay.computeIfAbsent(t.date(), d -> new ArrayDeque<>()).add(t));
    List<Deque<Transaction>> queues = new ArrayList<>(byDay.values());
    List<Transaction> interleaved = new ArrayList<>();
    while (!queues.isEmpty()) {
      int pick = random.nextInt(queues.size());
      interleaved.add(queues.get(pick).removeFirst());
      if (queues.get(pick).isEmpty()) {
        queues.remove(pick);
      }
    }
    RandomHistory.History other = new RandomHistory.History(history.household(), history.openingLots(), interleaved,
        history.symbols());

    assertThat(fingerprint(replay(other))).isEqualTo(fingerprint(replay(history)));
  }

  /**
   * The ledger and the share-by-share model agree on the total disallowed loss, the permanently
   * disallowed loss and the gain of each term, within a cent per disposal.
   */
  @Property(tries = TRIES)
  void agreesWithShareByShareModel(@ForAll("wholeShareFifoHistories") RandomHistory.History history) {
    LedgerResult result = replay(history);
    ShareByShareLedger.Totals expected = ShareByShareLedger.run(history);

    List<Disposal> taxable = result.disposals().stream().filter(Disposal::taxable).toList();
    BigDecimal tolerance = BigDecimal.valueOf(Math.max(1, result.disposals().size()), 2);
    assertThat(sum(taxable.stream().map(Disposal::disallowed).toList()))
        .as("disallowed").isCloseTo(dollars(expected.disallowed()), within(tolerance));
    assertThat(sum(taxable.stream().map(Disposal::permanentlyDisallowed).toList()))
        .as("permanently disallowed").isCloseTo(dollars(expected.permanent()), within(tolerance));
    assertThat(sum(taxable.stream().filter(d -> d.term() == Term.SHORT).map(Disposal::gain).toList()))
        .as("short-term gain").isCloseTo(dollars(expected.shortTermGain()), within(tolerance));
    assertThat(sum(taxable.stream().filter(d -> d.term() == Term.LONG).map(Disposal::gain).toList()))
        .as("long-term gain").isCloseTo(dollars(expected.longTermGain()), within(tolerance));

    // Share by share, what is still held has the same adjusted basis and holding period.
    List<String> open = new ArrayList<>();
    for (Lot lot : result.lots()) {
      int shares = lot.quantity().intValueExact();
      long cents = lot.costBasis().movePointRight(2).longValueExact();
      assertThat(cents % shares).as("whole cents a share in %s", lot).isZero();
      for (int i = 0; i < shares; i++) {
        open.add(ShareByShareLedger.share(lot.account().value(), lot.symbol().value(), cents / shares, lot.holdingSince()));
      }
    }
    Collections.sort(open);
    assertThat(open).isEqualTo(expected.openShares());
  }

  private static BigDecimal dollars(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  /** Everything a report could show, with the accounts in a fixed order. */
  private static String fingerprint(LedgerResult result) {
    Function<BigDecimal, String> n = v -> v.stripTrailingZeros().toPlainString();
    StringBuilder out = new StringBuilder();
    result.accounts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      out.append(e.getKey()).append(" cash ").append(n.apply(e.getValue().cash())).append('\n');
      for (Lot l : e.getValue().lots()) {
        out.append("  lot ").append(l.id()).append(' ').append(l.symbol()).append(' ').append(n.apply(l.quantity()))
            .append(' ').append(n.apply(l.costBasis())).append(' ').append(n.apply(l.washAdjustment())).append(' ')
            .append(l.acquired()).append(' ').append(l.holdingSince()).append(l.replacement() ? " R" : "").append('\n');
      }
    });
    for (Disposal d : result.disposals()) {
      out.append("sold ").append(d.account()).append(' ').append(d.lotId()).append(' ').append(n.apply(d.quantity()))
          .append(' ').append(d.sold()).append(' ').append(n.apply(d.proceeds())).append(' ')
          .append(n.apply(d.costBasis())).append(' ').append(n.apply(d.disallowed())).append(' ')
          .append(n.apply(d.permanentlyDisallowed())).append(' ').append(d.term()).append(' ').append(d.source())
          .append('\n');
    }
    out.append(result.washSales().stream().map(WashSale::explain).collect(Collectors.joining("\n")));
    return out.toString();
  }
}
