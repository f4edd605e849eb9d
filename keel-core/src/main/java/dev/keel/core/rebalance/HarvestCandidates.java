package dev.keel.core.rebalance;

import dev.keel.core.household.Account;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.Lot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.ledger.WashSaleRule;
import dev.keel.core.ledger.WashSaleWindow;
import dev.keel.core.policy.HarvestSettings;
import dev.keel.core.policy.Policy;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the lots worth harvesting and their substitutes, before the program runs, so that no
 * harvest can wash another trade of the same proposal:
 *
 * <ul>
 *   <li>a candidate is a taxable, tradable, unrestricted lot with a loss of at least {@code
 *       harvest.min_loss} dollars and {@code harvest.min_loss_pct} of its basis;
 *   <li>it is not harvested when a purchase of its group in the last 30 days, in any account of the
 *       household, would wash the loss;
 *   <li>its substitute is the first of the security's {@code substitutes} of the same asset class
 *       that is not in the same identical group, not restricted, priced, not a group this proposal
 *       harvests, and whose purchase would not wash a loss sold in the last 30 days; one the
 *       household holds at a harvestable loss only when no other is eligible;
 *   <li>a group bought as a substitute is not harvested in the same proposal.
 * </ul>
 *
 * Largest losses are considered first. A lot is not harvested when a purchase scheduled outside
 * Keel ({@code harvest.scheduled}) falls within 30 days before or after the as-of date: it would
 * wash the loss ({@link ScheduledWash}). Dividend reinvestment seen in the history becomes a
 * warning saying what to switch off and until when.
 */
final class HarvestCandidates {

  /** How far back a reinvested dividend suggests a dividend reinvestment plan is still on. */
  private static final int DRIP_LOOKBACK_DAYS = 100;

  record Candidate(Lot lot, Account account, Security substitute, double price, double substitutePrice, double value,
      double gainPerDollar, Term term, double taxPerDollar, List<String> warnings) {}

  private HarvestCandidates() {}

  static List<Candidate> select(RebalanceRequest request, List<AccountPosition> positions, WashSaleRule wash,
      Set<String> harvested, Set<String> substitutes, List<String> blocked) {
    Policy policy = request.data().policy();
    HarvestSettings settings = policy.harvest();
    SecurityMaster securities = policy.securities();
    LocalDate asOf = request.asOf();

    record Loss(Lot lot, Account account, Security security, BigDecimal price, BigDecimal loss) {}
    List<Loss> losses = new ArrayList<>();
    for (AccountPosition position : positions) {
      Account account = position.account();
      if (!account.taxable() || !account.tradable()) {
        continue;
      }
      for (Lot lot : position.lots()) {
        Optional<Security> security = securities.find(lot.symbol());
        Optional<BigDecimal> price = request.data().prices().find(lot.symbol(), asOf);
        if (security.isEmpty() || price.isEmpty()) {
          continue;
        }
        BigDecimal loss = lot.costBasis().subtract(lot.quantity().multiply(price.get()));
        if (loss.compareTo(settings.minLoss()) < 0 || loss.compareTo(lot.costBasis().multiply(settings.minLossPct())) < 0
            || loss.signum() <= 0) {
          continue;
        }
        if (security.get().restricted() || policy.rebalance().restrictedLots().contains(lot.id().value())) {
          blocked.add(lot.symbol() + " lot " + lot.id() + " in " + account.id() + ": restricted");
          continue;
        }
        losses.add(new Loss(lot, account, security.get(), price.get(), loss));
      }
    }
    losses.sort(Comparator.comparing(Loss::loss).reversed().thenComparing(l -> l.lot().id()));
    // Buying a substitute the household holds at a loss would keep that loss from being harvested
    // for 30 days: such a substitute is used only when no other is eligible.
    Set<String> atALoss = new java.util.HashSet<>();
    losses.forEach(l -> atALoss.add(securities.identityOf(l.lot().symbol())));

    List<Candidate> out = new ArrayList<>();
    for (Loss l : losses) {
      Lot lot = l.lot();
      String what = lot.symbol() + " lot " + lot.id() + " in " + l.account().id() + " (loss " + Dollars.of(l.loss()) + ")";
      String identity = securities.identityOf(lot.symbol());
      if (substitutes.contains(identity)) {
        blocked.add(what + ": its group is bought as a substitute by another harvest in this proposal");
        continue;
      }
      Optional<Lot> replacement = wash.replacementFor(lot, asOf);
      if (replacement.isPresent()) {
        Lot r = replacement.get();
        blocked.add(what + ": " + r.quantity().stripTrailingZeros().toPlainString() + " " + r.symbol() + " bought in "
            + r.account() + " on " + r.acquired() + " would wash it; it can be harvested from "
            + WashSaleWindow.firstDayAfter(r.acquired()));
        continue;
      }
      Optional<ScheduledWash> scheduled = ScheduledWash.find(request, identity, securities, asOf);
      if (scheduled.isPresent()) {
        // A purchase that will happen washes the loss: the harvest would be worth nothing, or
        // lose the loss for good when the purchase is in a retirement account.
        blocked.add(what + ": not harvested, " + scheduled.get().describe(asOf));
        continue;
      }
      Optional<Security> substitute = Optional.empty();
      Optional<Security> heldAtALoss = Optional.empty();
      List<String> rejected = new ArrayList<>();
      for (Symbol symbol : l.security().substitutes()) {
        Optional<Security> s = securities.find(symbol);
        if (s.isEmpty() || !s.get().assetClass().equals(l.security().assetClass())) {
          rejected.add(symbol + " is not of asset class " + l.security().assetClass());
        } else if (securities.identityOf(symbol).equals(identity)) {
          rejected.add(symbol + " is substantially identical (same identical_group)");
        } else if (s.get().restricted()) {
          rejected.add(symbol + " is restricted");
        } else if (!l.account().available().offers(symbol)) {
          rejected.add(symbol + " is not available in " + l.account().id() + " (its fund menu)");
        } else if (harvested.contains(securities.identityOf(symbol))) {
          rejected.add(symbol + " is harvested in this proposal");
        } else if (request.data().prices().find(symbol, asOf).isEmpty()) {
          rejected.add(symbol + " has no price");
        } else if (wash.purchaseWouldWash(symbol, asOf)) {
          var d = wash.openLossWashedBy(symbol, asOf).orElseThrow();
          rejected.add("buying " + symbol + " would wash the loss on " + d.symbol() + " sold " + d.sold() + " in " + d.account());
        } else if (atALoss.contains(securities.identityOf(symbol))) {
          if (heldAtALoss.isEmpty()) {
            heldAtALoss = s;
          }
        } else {
          substitute = s;
          break;
        }
      }
      if (substitute.isEmpty()) {
        substitute = heldAtALoss;
      }
      if (substitute.isEmpty()) {
        blocked.add(what + ": no eligible substitute" + (rejected.isEmpty() ? " (list some under substitutes)" : " (" + String.join("; ", rejected) + ")"));
        continue;
      }
      double price = l.price().doubleValue();
      double basisPerShare = lot.costBasis().doubleValue() / lot.quantity().doubleValue();
      double gainPerDollar = (price - basisPerShare) / price;
      Term term = lot.term(asOf);
      double taxPerDollar = gainPerDollar * lossRate(request, term);
      double subPrice = request.data().prices().get(substitute.get().symbol(), asOf).doubleValue();
      harvested.add(identity);
      substitutes.add(securities.identityOf(substitute.get().symbol()));
      out.add(new Candidate(lot, l.account(), substitute.get(), price, subPrice, lot.quantity().doubleValue() * price,
          gainPerDollar, term, taxPerDollar, warnings(request, identity, securities)));
    }
    return out;
  }

  /**
   * What a dollar of harvested loss saves this year, as the program prices it (Schedule D
   * netting, IRC §1211(b)): a loss first offsets the year's net gain of its own term, then of the
   * other term at that term's rate; with no net gain left it offsets up to $3,000 of ordinary
   * income, at the ordinary (short-term) rate. Carryforwards count with their character. The
   * valuer ({@link HarvestValuer}) then states the exact saving, the $3,000 limit included.
   */
  static double lossRate(RebalanceRequest request, Term term) {
    BigDecimal[] ytd = ProposalAssembler.realizedByTerm(request.books(), request.asOf());
    var tax = request.data().household().tax();
    BigDecimal netShort = ytd[0].subtract(tax.shortTermCarryforward());
    BigDecimal netLong = ytd[1].subtract(tax.longTermCarryforward());
    BigDecimal own = term == Term.SHORT ? netShort : netLong;
    BigDecimal other = term == Term.SHORT ? netLong : netShort;
    Term otherTerm = term == Term.SHORT ? Term.LONG : Term.SHORT;
    if (own.signum() > 0) {
      return request.rates().rate(term).doubleValue();
    }
    if (other.signum() > 0) {
      return request.rates().rate(otherTerm).doubleValue();
    }
    return request.rates().rate(Term.SHORT).doubleValue();
  }

  /** Purchases outside Keel's control that would wash a harvest made on the as-of date. */
  static List<String> warnings(RebalanceRequest request, String identity, SecurityMaster securities) {
    LocalDate asOf = request.asOf();
    LocalDate until = WashSaleWindow.closes(asOf);
    List<String> out = new ArrayList<>();
    ScheduledWash.find(request, identity, securities, asOf).ifPresent(w -> out.add(w.describe(asOf)));
    LocalDate since = asOf.minusDays(DRIP_LOOKBACK_DAYS);
    for (Transaction t : request.data().transactions()) {
      if (t.action() == Action.REINVEST && t.symbol().isPresent() && securities.identityOf(t.symbol().get()).equals(identity)
          && !t.date().isBefore(since) && !t.date().isAfter(asOf)) {
        String text = "dividends of " + t.symbol().get() + " were reinvested in " + t.account() + " on " + t.date()
            + "; if reinvestment is still on, switch it off through " + until + " or the next dividend washes part of this loss";
        if (!out.contains(text)) {
          out.add(text);
        }
      }
    }
    return out;
  }
}
