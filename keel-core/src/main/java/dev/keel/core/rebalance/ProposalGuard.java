package dev.keel.core.rebalance;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.Ledger;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.LotId;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.rebalance.UnsafeProposalException.Kind;
import dev.keel.core.rebalance.UnsafeProposalException.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Books every proposal through the ledger before the rebalancer or the harvester returns it, and
 * refuses one that breaks a promise: it must create no new disallowed loss anywhere in the
 * household beyond what it says it washes (a lot sold to pay a withdrawal after a recent purchase,
 * a sale a scheduled purchase will wash: {@link LotSale#disallowedLoss()}), and it must keep the
 * year's net realized gains within tax.max_net_gains unless a withdrawal forced more (the only case
 * in which the program may go over, and says so). The optimizer's answer is reconciled with the
 * ledger's exact rules here, in the product, not only in tests.
 */
final class ProposalGuard {

  static final ProposalGuard DEFAULT = new ProposalGuard(Ledger.DEFAULT);

  /** The ledger rounds each row to the cent; the proposal's own figures are unrounded. */
  private static final BigDecimal CENT = new BigDecimal("0.01");

  private final Ledger ledger;

  ProposalGuard(Ledger ledger) {
    this.ledger = ledger;
  }

  /**
   * @return {@code proposal} when booking it keeps every promise
   * @throws UnsafeProposalException naming every broken promise
   */
  Proposal check(RebalanceRequest request, Proposal proposal) {
    if (proposal.trades().isEmpty()) {
      return proposal;
    }
    List<Violation> violations = violations(request, proposal.trades(), proposal.asOf());
    if (!violations.isEmpty()) {
      throw new UnsafeProposalException(proposal.asOf(), violations);
    }
    return proposal;
  }

  /**
   * Every promise that booking {@code trades} on {@code date} after the household's history
   * breaks; empty when none. A cash balance going negative is one of the ledger's unbookable rows.
   */
  List<Violation> violations(RebalanceRequest request, List<Trade> trades, java.time.LocalDate date) {
    // Both sides replayed alike (same rates, through the as-of date), so that the history's rows
    // line up one for one: the proposal's rows are dated the as-of date and come after them.
    HouseholdData data = request.data();
    LedgerResult before = replay(request, data);
    LedgerResult after = replay(request, ProposalBooking.onto(data, request.cashFlows(), trades, date));
    List<Violation> violations = new ArrayList<>();
    if (after.problems().size() > before.problems().size()) {
      after.problems().subList(before.problems().size(), after.problems().size())
          .forEach(p -> violations.add(new Violation(Kind.NOT_BOOKABLE, "a trade the ledger cannot book: " + p)));
      return violations;
    }
    List<Disposal> was = before.disposals();
    List<Disposal> now = after.disposals();
    for (int i = 0; i < was.size(); i++) {
      Disposal old = was.get(i);
      BigDecimal more = now.get(i).disallowed().subtract(old.disallowed());
      if (more.compareTo(CENT) > 0) {
        violations.add(new Violation(Kind.NEW_WASH_SALE, "a purchase that washes the loss on " + old.symbol() + " lot "
            + old.lotId() + " sold on " + old.sold() + " in " + old.account() + " ($" + more.toPlainString()
            + " newly disallowed)"));
      }
    }
    Map<String, BigDecimal> declared = new HashMap<>();
    for (Trade t : trades.stream().filter(t -> t.side() == Side.SELL).toList()) {
      for (LotSale lot : t.lots()) {
        declared.merge(key(t.account(), lot.lotId()), lot.disallowedLoss(), BigDecimal::add);
      }
    }
    Map<String, BigDecimal> washed = new HashMap<>();
    for (Disposal d : now.subList(was.size(), now.size())) {
      washed.merge(key(d.account(), d.lotId()), d.disallowed(), BigDecimal::add);
    }
    washed.forEach((lot, disallowed) -> {
      BigDecimal undeclared = disallowed.subtract(declared.getOrDefault(lot, BigDecimal.ZERO));
      if (undeclared.compareTo(CENT) > 0) {
        violations.add(new Violation(Kind.NEW_WASH_SALE, "a loss sale of lot " + lot + " that a purchase washes ($"
            + undeclared.toPlainString() + " disallowed, not said by the proposal)"));
      }
    });
    Optional<BigDecimal> max = data.household().tax().maxNetGains();
    boolean withdrawing = request.cashFlows().values().stream().anyMatch(v -> v.signum() < 0);
    if (max.isPresent() && !withdrawing) {
      BigDecimal realizedBefore = ProposalAssembler.realizedThisYear(before, request.asOf());
      BigDecimal realizedAfter = ProposalAssembler.realizedThisYear(after, request.asOf());
      BigDecimal limit = max.get().max(realizedBefore);
      BigDecimal slack = CENT.multiply(BigDecimal.valueOf(now.size() - was.size() + 1L));
      if (realizedAfter.subtract(limit).compareTo(slack) > 0) {
        violations.add(new Violation(Kind.OVER_TAX_BUDGET, "net realized gains of $" + realizedAfter.toPlainString()
            + " in " + request.asOf().getYear() + ", over the tax budget of $" + max.get().toPlainString()
            + (realizedBefore.compareTo(max.get()) > 0 ? " ($" + realizedBefore.toPlainString() + " before the proposal)" : "")));
      }
    }
    return violations;
  }

  private LedgerResult replay(RebalanceRequest request, HouseholdData data) {
    return ledger.replay(data.ledgerInput(request.rates(), Optional.of(request.asOf())));
  }

  private static String key(AccountId account, LotId lot) {
    return lot + " in " + account;
  }
}
