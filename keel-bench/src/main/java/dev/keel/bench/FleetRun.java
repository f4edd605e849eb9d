package dev.keel.bench;

import dev.keel.core.drift.DriftAnalyzer;
import dev.keel.core.drift.DriftReport;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.Ledger;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.rebalance.Proposal;
import dev.keel.core.rebalance.ProposalBooking;
import dev.keel.core.rebalance.RebalanceRequest;
import dev.keel.core.rebalance.Rebalancer;
import dev.keel.core.rebalance.Trade;
import dev.keel.core.tax.MarginalRates;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Fleet figures that JMH's fixed working sets cannot give: throughput over 100,000 generated
 * households (generated and booked in batches, only the measured work timed) and the quality of
 * the engine's proposals against {@link NaiveRebalancer}.
 *
 * <pre>
 * java -cp keel-bench/target/benchmarks.jar dev.keel.bench.FleetRun throughput 100000
 * java -cp keel-bench/target/benchmarks.jar dev.keel.bench.FleetRun quality 2000
 * </pre>
 */
public final class FleetRun {

  private static final int BATCH = 4_000;

  public static void main(String[] args) {
    String what = args.length > 0 ? args[0] : "throughput";
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    if (what.equals("quality")) {
      quality(count);
    } else {
      throughput(count);
    }
  }

  static RebalanceRequest request(long seed) {
    HouseholdData data = BenchHouseholds.typical(seed);
    LedgerResult books = BenchHouseholds.books(data);
    return new RebalanceRequest(data, books, BenchHouseholds.AS_OF, Map.of(), true,
        HouseholdEngine.DEFAULT.rates(data, BenchHouseholds.AS_OF.getYear()));
  }

  static void throughput(int count) {
    // Warm up the solver and the JIT.
    IntStream.range(0, 200).forEach(i -> Rebalancer.DEFAULT.propose(request(1_000_000 + i)));
    AtomicLong proposalNanos = new AtomicLong();
    AtomicLong scanNanos = new AtomicLong();
    long proposals = 0;
    long scans = 0;
    for (int start = 0; start < count; start += BATCH) {
      int end = Math.min(count, start + BATCH);
      RebalanceRequest[] batch = IntStream.range(start, end).parallel().mapToObj(FleetRun::request)
          .toArray(RebalanceRequest[]::new);
      // Drift scans: both cores, wall time of the batch.
      long t0 = System.nanoTime();
      for (int pass = 0; pass < 5; pass++) {
        IntStream.range(0, batch.length).parallel().forEach(i -> {
          RebalanceRequest r = batch[i];
          DriftAnalyzer.DEFAULT.analyze(r.data().policy(), r.books().positions(), r.data().prices(), r.asOf());
        });
      }
      scanNanos.addAndGet(System.nanoTime() - t0);
      scans += 5L * batch.length;
      long t1 = System.nanoTime();
      IntStream.range(0, batch.length).parallel().forEach(i -> Rebalancer.DEFAULT.propose(batch[i]));
      proposalNanos.addAndGet(System.nanoTime() - t1);
      proposals += batch.length;
    }
    System.out.printf("households: %d (batches of %d, generated and booked outside the timing)%n", count, BATCH);
    System.out.printf("proposals: %d in %.1f s of wall time on %d cores = %.0f proposals/s%n", proposals,
        proposalNanos.get() / 1e9, Runtime.getRuntime().availableProcessors(), proposals / (proposalNanos.get() / 1e9));
    System.out.printf("drift scans: %d in %.1f s = %.0f scans/s%n", scans, scanNanos.get() / 1e9, scans / (scanNanos.get() / 1e9));
  }

  /**
   * Tax of a proposal's sales at the household's marginal rates, as the ledger books them: gains
   * taxed, losses credited, and a loss that the trades themselves wash not credited.
   */
  static BigDecimal tax(List<Trade> trades, RebalanceRequest r) {
    BigDecimal tax = BigDecimal.ZERO;
    MarginalRates rates = r.rates();
    int before = r.books().disposals().size();
    List<Disposal> all = book(r, trades).disposals();
    for (Disposal d : all.subList(before, all.size())) {
      if (d.taxable()) {
        tax = tax.add(d.gain().multiply(rates.rate(d.term())));
      }
    }
    return tax;
  }

  /**
   * What a quality run found, as counts a test can check: the README's "0 wash sales" is {@code
   * engineWashes}.
   */
  record Quality(int households, int needed, long engineWashes, long naiveWashes, long engineInBand, long naiveInBand,
      long engineOutOfBandUnexplained, BigDecimal engineTax, BigDecimal naiveTax) {}

  static Quality quality(int count) {
    record Row(boolean needed, BigDecimal engineTax, BigDecimal naiveTax, double engineDrift, double naiveDrift,
        boolean engineWash, boolean naiveWash, boolean engineInBand, boolean naiveInBand, boolean explained) {}
    List<Row> rows = IntStream.range(0, count).parallel().mapToObj(seed -> {
      RebalanceRequest r = request(seed);
      DriftReport before = DriftAnalyzer.DEFAULT.analyze(r.data().policy(), r.books().positions(), r.data().prices(), r.asOf());
      if (!before.rebalanceNeeded()) {
        return new Row(false, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, false, false, true, true, true);
      }
      Proposal p = Rebalancer.DEFAULT.propose(r);
      List<Trade> naive = NaiveRebalancer.propose(r);
      DriftReport naiveAfter = after(r, naive);
      double engineDrift = p.after().stream().mapToDouble(c -> c.drift().abs().doubleValue()).sum();
      double naiveDrift = naiveAfter.classes().stream().mapToDouble(c -> c.drift().abs().doubleValue()).sum();
      return new Row(true, tax(p.trades(), r), tax(naive, r), engineDrift, naiveDrift, washes(r, p.trades()), washes(r, naive),
          p.after().stream().noneMatch(c -> c.breached()), naiveAfter.classes().stream().noneMatch(c -> c.breached()),
          p.unresolved().stream().anyMatch(u -> u.contains(" ends at ") && (u.contains("would wash") || u.contains("tax budget")
              || u.contains("short-term gain") || u.contains("restricted"))));
    }).toList();
    List<Row> needed = rows.stream().filter(Row::needed).toList();
    BigDecimal engine = needed.stream().map(Row::engineTax).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal naive = needed.stream().map(Row::naiveTax).reduce(BigDecimal.ZERO, BigDecimal::add);
    long moreTax = needed.stream().filter(x -> x.engineTax().compareTo(x.naiveTax().add(BigDecimal.ONE)) > 0).count();
    System.out.printf("households: %d generated, %d with a breach on a check date%n", rows.size(), needed.size());
    System.out.printf("tax of the proposals at marginal rates: engine %s, naive %s: %.1f%% less%n",
        engine.setScale(0, java.math.RoundingMode.HALF_UP), naive.setScale(0, java.math.RoundingMode.HALF_UP),
        naive.signum() == 0 ? 0 : 100 * (1 - engine.doubleValue() / naive.doubleValue()));
    long moreTaxNoWash = needed.stream()
        .filter(x -> x.engineTax().compareTo(x.naiveTax().add(BigDecimal.ONE)) > 0 && !x.naiveWash()).count();
    System.out.printf("households where the engine paid more tax than naive (by > $1): %d, of which the naive proposal"
        + " created no wash sale: %d%n", moreTax, moreTaxNoWash);
    System.out.printf("mean residual drift (sum of |actual - target| over classes): engine %.4f, naive %.4f%n",
        needed.stream().mapToDouble(Row::engineDrift).average().orElse(0), needed.stream().mapToDouble(Row::naiveDrift).average().orElse(0));
    System.out.printf("every class inside its band after: engine %d, naive %d of %d%n",
        needed.stream().filter(Row::engineInBand).count(), needed.stream().filter(Row::naiveInBand).count(), needed.size());
    System.out.printf("engine outside a band without a constraint that forbids the fix (wash sale, tax budget, short-term gain,"
        + " restriction): %d%n", needed.stream().filter(x -> !x.engineInBand() && !x.explained()).count());
    System.out.printf("proposals creating a wash sale: engine %d, naive %d%n",
        needed.stream().filter(Row::engineWash).count(), needed.stream().filter(Row::naiveWash).count());
    return new Quality(rows.size(), needed.size(), needed.stream().filter(Row::engineWash).count(),
        needed.stream().filter(Row::naiveWash).count(), needed.stream().filter(Row::engineInBand).count(),
        needed.stream().filter(Row::naiveInBand).count(),
        needed.stream().filter(x -> !x.engineInBand() && !x.explained()).count(), engine, naive);
  }

  /** The allocation after a list of trades. */
  static DriftReport after(RebalanceRequest r, List<Trade> trades) {
    LedgerResult booked = book(r, trades);
    return DriftAnalyzer.DEFAULT.analyze(r.data().policy(), booked.positions(), r.data().prices(), r.asOf());
  }

  /** Whether booking the trades after the household's history disallows any loss that was allowed. */
  static boolean washes(RebalanceRequest r, List<Trade> trades) {
    BigDecimal before = r.books().disposals().stream().map(Disposal::disallowed).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal after = book(r, trades).disposals().stream().map(Disposal::disallowed).reduce(BigDecimal.ZERO, BigDecimal::add);
    return after.compareTo(before) != 0;
  }

  static LedgerResult book(RebalanceRequest r, List<Trade> trades) {
    HouseholdData data = ProposalBooking.onto(r.data(), trades, r.asOf());
    return Ledger.DEFAULT.replay(data.ledgerInput(r.rates(), Optional.of(r.asOf())));
  }

}
