package dev.keel.core.engine;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.household.Household;
import dev.keel.core.report.YearInvestments;
import dev.keel.core.tax.estimate.LossCarryover;

import dev.keel.core.drift.DriftAnalyzer;
import dev.keel.core.drift.DriftReport;
import dev.keel.core.ledger.Ledger;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.household.AccountId;
import dev.keel.core.rebalance.Proposal;
import dev.keel.core.rebalance.RebalanceRequest;
import dev.keel.core.rebalance.Rebalancer;
import java.math.BigDecimal;
import java.util.Map;
import dev.keel.core.report.GainsReporter;
import dev.keel.core.report.HarvestReport;
import dev.keel.core.report.HarvestReporter;
import dev.keel.core.report.LotsReport;
import dev.keel.core.report.LotsReporter;
import dev.keel.core.report.RealizedGains;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.tax.estimate.TaxEstimator;
import dev.keel.core.tax.estimate.TaxProfiles;
import dev.keel.core.drift.Holding;
import dev.keel.core.price.PriceAges;
import dev.keel.core.problem.Problem;
import dev.keel.core.security.Symbol;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The engine as adapters use it: books a household's ledger and measures its drift. Stateless;
 * collaborators come in through the constructor.
 */
public final class HouseholdEngine {

  public static final HouseholdEngine DEFAULT =
      new HouseholdEngine(Ledger.DEFAULT, DriftAnalyzer.DEFAULT, TaxEstimator.DEFAULT, Rebalancer.DEFAULT);

  private final Ledger ledger;
  private final DriftAnalyzer drift;
  private final TaxEstimator estimator;
  private final Rebalancer rebalancer;
  private final LastReplay last = new LastReplay();

  public HouseholdEngine(Ledger ledger, DriftAnalyzer drift, TaxEstimator estimator, Rebalancer rebalancer) {
    this.ledger = ledger;
    this.drift = drift;
    this.estimator = estimator;
    this.rebalancer = rebalancer;
  }

  public TaxEstimator estimator() {
    return estimator;
  }

  /** The rates that price gains in {@code year}, from the household's tax settings. */
  public MarginalRates rates(HouseholdData data, int year) {
    return TaxProfiles.marginalRates(data.household().tax(), year, estimator);
  }

  /**
   * The rates that price a proposal on {@code asOf}: on the next dollar after what the year has
   * realized so far (sales, capital gain distributions, dividends, interest), which moves where
   * that dollar stacks in the brackets.
   */
  private MarginalRates ratesOn(HouseholdData priced, LedgerResult books, LocalDate asOf) {
    return TaxProfiles.marginalRates(priced.household().tax(), asOf.getYear(), estimator,
        YearInvestments.of(priced.household(), books, asOf.getYear(), Optional.of(asOf)).input());
  }

  /**
   * Replays the ledger through {@code through} (everything when empty), pricing min_tax lot
   * relief with the rates of {@code rateYear}.
   *
   * @throws InvalidInputException naming every row that could not be booked
   */
  public LedgerResult books(HouseholdData data, Optional<LocalDate> through, int rateYear) {
    MarginalRates rates = rates(data, rateYear);
    boolean rowsAfter = through.isPresent() && datedAfter(data, through.get());
    if (!rowsAfter) {
      // Nothing is dated after it: the books through that date are the whole history's, the same
      // replay the input check just ran (kept by LastReplay).
      through = Optional.empty();
    }
    if (rowsAfter) {
      // Every row is checked, also those after the as-of date, so that a bad row is never hidden.
      // Without such rows the replay below is the whole history: one replay is enough.
      LedgerResult full = last.replay(ledger, data, rates, Optional.empty());
      if (!full.ok()) {
        throw new InvalidInputException(full.problems());
      }
    }
    LedgerResult result = last.replay(ledger, data, rates, through);
    if (!result.ok()) {
      throw new InvalidInputException(result.problems());
    }
    return result;
  }

  /**
   * Every row the ledger cannot book (sales of more than is held, cash going negative, unknown
   * lots), over the whole history. Empty when the books balance.
   */
  public java.util.List<dev.keel.core.problem.Problem> check(HouseholdData data) {
    return check(data, Optional.empty());
  }

  /**
   * Every problem the booked ledger shows, in one list: rows that cannot be booked (over the whole
   * history), references that only the ledger can resolve ({@code restricted_lots}), and, when an
   * as-of date is given, every symbol held on that date without a price. Empty when all is well.
   */
  public List<Problem> check(HouseholdData data, Optional<LocalDate> asOf) {
    int year = data.transactions().stream().map(t -> t.date().getYear()).max(Integer::compare)
        .orElseGet(() -> estimator.tables().years().last());
    MarginalRates rates = rates(data, year);
    LedgerResult full = last.replay(ledger, data, rates, Optional.empty());
    List<Problem> problems = new ArrayList<>(full.problems());
    problems.addAll(LedgerReferences.check(data, full));
    if (asOf.isPresent()) {
      // Which symbols are held does not depend on the rates that order min_tax relief: the whole
      // history serves unless something is dated after the as-of date.
      LedgerResult then = datedAfter(data, asOf.get()) ? last.replay(ledger, data, rates, asOf) : full;
      problems.addAll(DriftAnalyzer.unpriced(then.positions(), data.prices(), asOf.get()));
    }
    return problems;
  }

  private static boolean datedAfter(HouseholdData data, LocalDate asOf) {
    return data.transactions().stream().anyMatch(t -> t.date().isAfter(asOf))
        || data.openingLots().stream().anyMatch(l -> l.acquired().map(d -> d.isAfter(asOf)).orElse(false));
  }

  /**
   * Why {@code proposal} must not be offered as it stands: it trades while a price it used is older
   * than the policy's hard limit ({@code prices.refuse_after_days}). Empty when it may be, or when it
   * proposes no trade. The user may override this (the CLI's {@code --allow-stale-prices}).
   */
  public List<Problem> staleForTrading(PriceAges ages, Proposal proposal) {
    return proposal.trades().isEmpty() ? List.of() : ages.refusals();
  }

  /** The prices a drift report used that are older than its date, judged by the policy's limits. */
  public PriceAges priceAges(HouseholdData data, DriftReport report) {
    return PriceAges.of(report.holdings().stream().map(Holding::symbol).toList(), data.prices(), report.asOf(),
        data.policy().prices());
  }

  /** The prices a lots report used that are older than its date. */
  public PriceAges priceAges(HouseholdData data, LotsReport report) {
    return PriceAges.of(report.lots().stream().map(l -> l.lot().symbol()).toList(), data.prices(), report.asOf(),
        data.policy().prices());
  }

  /**
   * The prices a proposal used that are older than its date: those of every symbol held on that
   * date (they value the household) and of every symbol it trades.
   */
  public PriceAges priceAges(HouseholdData data, Proposal proposal) {
    LedgerResult books = books(data, Optional.of(proposal.asOf()), proposal.asOf().getYear());
    Set<Symbol> used = new HashSet<>();
    books.positions().forEach(p -> used.addAll(p.quantities().keySet()));
    proposal.trades().forEach(t -> used.add(t.symbol()));
    return PriceAges.of(used, data.prices(), proposal.asOf(), data.policy().prices());
  }

  /** The realized gains of a tax year, booked over the whole history (later purchases can wash a December loss). */
  public RealizedGains gains(HouseholdData data, int year) {
    return GainsReporter.DEFAULT.report(data.household(), data.openingLots(), books(data, Optional.empty(), year), year);
  }

  /** Open lots valued on {@code asOf} and the wash-sale calendar on that date. */
  public LotsReport lots(HouseholdData data, LocalDate asOf) {
    LedgerResult books = books(data, Optional.of(asOf), asOf.getYear());
    return LotsReporter.DEFAULT.report(books, data.policy().securities(), data.prices(), asOf, data.policy().harvest().scheduled());
  }

  /**
   * A rebalancing proposal on {@code asOf}: a dry run, never executed.
   *
   * @param cashFlows contributions (positive) and withdrawals (negative) per account, in dollars
   * @param force propose even when no check is due
   */
  public Proposal propose(HouseholdData data, LocalDate asOf, Map<AccountId, BigDecimal> cashFlows, boolean force) {
    for (AccountId account : cashFlows.keySet()) {
      data.household().getAccount(account);
    }
    LedgerResult books = books(data, Optional.of(asOf), asOf.getYear());
    HouseholdData priced = pricedFor(data, books, asOf.getYear());
    return rebalancer.propose(new RebalanceRequest(priced, books, asOf, cashFlows, force, ratesOn(priced, books, asOf)));
  }

  /**
   * Why booking {@code trades} on {@code asOf} (with {@code cashFlows}) after the household's
   * history is not allowed: a new wash sale, the tax budget, an unbookable row (cash going
   * negative in an account, selling what is not held); empty when it is allowed.
   */
  public List<dev.keel.core.rebalance.UnsafeProposalException.Violation> checkTrades(HouseholdData data,
      LocalDate asOf, Map<AccountId, BigDecimal> cashFlows, List<dev.keel.core.rebalance.Trade> trades) {
    LedgerResult books = books(data, Optional.of(asOf), asOf.getYear());
    HouseholdData priced = pricedFor(data, books, asOf.getYear());
    RebalanceRequest request = new RebalanceRequest(priced, books, asOf, cashFlows, true, ratesOn(priced, books, asOf));
    return dev.keel.core.rebalance.TradeCheck.violations(request, trades, asOf);
  }

  /** A harvest-only proposal on {@code asOf} (keel harvest): losses worth taking, no rebalancing. */
  public Proposal harvest(HouseholdData data, LocalDate asOf) {
    LedgerResult books = books(data, Optional.of(asOf), asOf.getYear());
    HouseholdData priced = pricedFor(data, books, asOf.getYear());
    return rebalancer.propose(new RebalanceRequest(priced, books, asOf, Map.of(), false, ratesOn(priced, books, asOf),
        RebalanceRequest.Mode.HARVEST_ONLY));
  }

  /** The losses harvested in a tax year and their estimated value. */
  public HarvestReport harvestReport(HouseholdData data, int year) {
    LedgerResult books = books(data, Optional.empty(), year);
    return HarvestReporter.DEFAULT.report(pricedFor(data, books, year).household(), data.policy().securities(), books, year);
  }

  /** The capital loss carried into {@code year}, computed from the booked ledger ({@link LossCarryover}). */
  public LossCarryover.Carry carryInto(HouseholdData data, LedgerResult books, int year) {
    Household household = data.household();
    return LossCarryover.into(year, household.tax(), YearInvestments.firstYear(books),
        y -> YearInvestments.of(household, books, y, Optional.empty()).input(), estimator);
  }

  /**
   * The household data with its tax settings resolved for {@code year}: the carryforward replaced
   * by the loss carried into that year, so that every price of a gain or loss in that year (the
   * rebalancer's program, harvest values, the proposal's tax) uses it. The ledger itself is booked
   * before (min_tax relief is ordered with the configured carry's rates: a carry moves the order
   * of relief only in the rare case where it changes which lots are losses after tax).
   */
  public HouseholdData pricedFor(HouseholdData data, LedgerResult books, int year) {
    LossCarryover.Carry carry = carryInto(data, books, year);
    return data.withTax(data.household().tax().withCarryforward(year, carry.shortTerm(), carry.longTerm()));
  }

  /** Books the ledger up to {@code asOf} and measures drift on that date. */
  public DriftReport drift(HouseholdData data, LocalDate asOf) {
    LedgerResult books = books(data, Optional.of(asOf), asOf.getYear());
    return drift.analyze(data.policy(), books.positions(), data.prices(), asOf);
  }
}
