package dev.keel.core.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.household.AccountId;
import dev.keel.core.household.AccountType;
import dev.keel.core.ledger.Ledger;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.LotId;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.rebalance.UnsafeProposalException.Kind;
import dev.keel.core.rebalance.UnsafeProposalException.Violation;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link ProposalGuard}, the product's check that a proposal booked through the ledger creates
 * no wash sale it does not own up to and keeps the tax budget. Proposals the rebalancer would never
 * make are fed in through the package-private seam, so that each promise is seen to be enforced. The
 * wash-sale facts are IRC §1091(a) as IRS Publication 550 ("Wash Sales") explains them: a purchase
 * of identical shares within 30 days before or after a loss sale, in any account of the household,
 * disallows the loss on the matched shares.
 */
class ProposalGuardTest {

  private static final MarginalRates RATES = MarginalRates.of("0.35", "0.20");

  /** A joint taxable account: VTI bought at 300, now 250 (a 5,000 loss); BND bought at 50, now 70. */
  private static Scenario household() {
    return Scenario.on("2026-11-20")
        .target("us_stocks", "0.60")
        .target("bonds", "0.40")
        .security("VTI", "us_stocks", "250")
        .security("BND", "bonds", "70")
        .account("joint", AccountType.TAXABLE, "0")
        .account("ira", AccountType.TRADITIONAL, "5000")
        .lot("joint", "VTI", "100", "30000", "2025-03-03", "J1")
        .lot("joint", "BND", "100", "5000", "2024-05-01", "JB");
  }

  private static RebalanceRequest request(Scenario s, Map<AccountId, BigDecimal> flows) {
    HouseholdData data = s.data();
    LedgerResult books = Ledger.DEFAULT.replay(data.ledgerInput(RATES, Optional.of(s.asOf)));
    return new RebalanceRequest(data, books, s.asOf, flows, true, RATES);
  }

  private static Proposal proposal(Scenario s, Trade... trades) {
    return new Proposal(s.asOf, true, "test", List.of(trades), List.of(), List.of(), null, BigDecimal.ZERO, Map.of(),
        List.of(), List.of(), List.of());
  }

  /** Sells all of VTI lot J1 at 250: a 5,000 long-term loss; {@code declared} is the loss the proposal says is washed. */
  private static Trade sellJ1(String declared) {
    LotSale lot = new LotSale(LotId.of("J1"), LocalDate.parse("2025-03-03"), new BigDecimal("100"), new BigDecimal("30000"),
        new BigDecimal("25000"), new BigDecimal("-5000"), Term.LONG, true, new BigDecimal(declared));
    return new Trade(AccountId.of("joint"), Symbol.of("VTI"), AssetClass.of("us_stocks"), Side.SELL, new BigDecimal("100"),
        new BigDecimal("250"), new BigDecimal("25000"), List.of(lot), "test");
  }

  private static Trade buy(String account, String symbol, String quantity, String price) {
    BigDecimal q = new BigDecimal(quantity);
    BigDecimal p = new BigDecimal(price);
    return new Trade(AccountId.of(account), Symbol.of(symbol), AssetClass.of("us_stocks"), Side.BUY, q, p, q.multiply(p),
        List.of(), "test");
  }

  private static List<Violation> violations(RebalanceRequest request, Proposal proposal) {
    try {
      ProposalGuard.DEFAULT.check(request, proposal);
    } catch (UnsafeProposalException e) {
      assertThat(e.getMessage()).doesNotContain("\n").startsWith("internal error: the proposal for 2026-11-20 was withheld");
      return e.violations();
    }
    return List.of();
  }

  @Test
  void a_loss_sale_with_no_purchase_near_it_passes() {
    Scenario s = household();
    Proposal p = proposal(s, sellJ1("0"));

    assertThat(ProposalGuard.DEFAULT.check(request(s, Map.of()), p)).isSameAs(p);
  }

  @Test
  void a_loss_sale_washed_by_a_purchase_in_the_ira_ten_days_earlier_is_refused() {
    // 10 VTI bought in the IRA on 2026-11-10, within 30 days before the sale: 10 of the 100 shares
    // sold are replaced, 10 × 50 = 500 of the loss is disallowed (and lost for good, Rev. Rul. 2008-5).
    Scenario s = household().buy("2026-11-10", "ira", "VTI", "10", "250");

    assertThat(violations(request(s, Map.of()), proposal(s, sellJ1("0")))).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Kind.NEW_WASH_SALE);
      assertThat(v.detail()).contains("J1 in joint").contains("$500.00 disallowed");
    });
  }

  @Test
  void a_loss_the_proposal_says_it_washes_passes() {
    // The rebalancer sells such a lot only to pay a withdrawal, and then says so in the lot sale.
    Scenario s = household().buy("2026-11-10", "ira", "VTI", "10", "250");
    Proposal p = proposal(s, sellJ1("5000"));

    assertThat(ProposalGuard.DEFAULT.check(request(s, Map.of()), p)).isSameAs(p);
  }

  @Test
  void a_purchase_that_washes_a_loss_sold_last_week_is_refused() {
    // J1 sold on 2026-11-13 at 250: a 5,000 loss. Buying 20 VTI on 2026-11-20, 7 days later,
    // replaces 20 of its shares: 20 × 50 = 1,000 disallowed.
    Scenario s = household().sell("2026-11-13", "joint", "VTI", "100", "250");

    assertThat(violations(request(s, Map.of()), proposal(s, buy("ira", "VTI", "20", "250")))).singleElement()
        .satisfies(v -> {
          assertThat(v.kind()).isEqualTo(Kind.NEW_WASH_SALE);
          assertThat(v.detail()).contains("sold on 2026-11-13 in joint").contains("$1000.00 newly disallowed");
        });
  }

  @Test
  void a_purchase_31_days_after_the_loss_passes() {
    // The window ends 30 days after the sale: a purchase on the 31st day washes nothing.
    Scenario s = household().sell("2026-10-20", "joint", "VTI", "100", "250");
    Proposal p = proposal(s, buy("ira", "VTI", "20", "250"));

    assertThat(ProposalGuard.DEFAULT.check(request(s, Map.of()), p)).isSameAs(p);
  }

  @Test
  void a_gain_over_the_tax_budget_is_refused_unless_a_withdrawal_needs_it() {
    // Selling BND lot JB (bought at 50, now 70) realizes 2,000 of long-term gain; the budget is 1,000.
    Scenario s = household().maxNetGains("1000");
    LotSale lot = new LotSale(LotId.of("JB"), LocalDate.parse("2024-05-01"), new BigDecimal("100"), new BigDecimal("5000"),
        new BigDecimal("7000"), new BigDecimal("2000"), Term.LONG);
    Proposal p = proposal(s, new Trade(AccountId.of("joint"), Symbol.of("BND"), AssetClass.of("bonds"), Side.SELL,
        new BigDecimal("100"), new BigDecimal("70"), new BigDecimal("7000"), List.of(lot), "test"));

    assertThat(violations(request(s, Map.of()), p)).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Kind.OVER_TAX_BUDGET);
      assertThat(v.detail()).contains("$2000 in 2026").contains("budget of $1000");
    });
    // A withdrawal that nothing else can pay may go over the budget; the proposal says so itself.
    assertThat(ProposalGuard.DEFAULT.check(request(s, Map.of(AccountId.of("joint"), new BigDecimal("-7000"))), p))
        .isSameAs(p);
  }

  @Test
  void a_sale_of_a_lot_the_household_does_not_hold_is_refused() {
    Scenario s = household();
    LotSale lot = new LotSale(LotId.of("NOPE"), LocalDate.parse("2025-03-03"), new BigDecimal("1"), new BigDecimal("300"),
        new BigDecimal("250"), new BigDecimal("-50"), Term.LONG);
    Proposal p = proposal(s, new Trade(AccountId.of("joint"), Symbol.of("VTI"), AssetClass.of("us_stocks"), Side.SELL,
        BigDecimal.ONE, new BigDecimal("250"), new BigDecimal("250"), List.of(lot), "test"));

    assertThat(violations(request(s, Map.of()), p)).isNotEmpty()
        .allSatisfy(v -> assertThat(v.kind()).isEqualTo(Kind.NOT_BOOKABLE))
        .anySatisfy(v -> assertThat(v.detail()).contains("NOPE"));
  }

  @Test
  void the_rebalancer_returns_its_harvest_after_the_guard_booked_it() {
    // End to end through the engine: the harvest it proposes passes the guard (it would throw).
    Scenario s = Scenario.on("2026-11-20")
        .target("us_stocks", "0.60")
        .target("bonds", "0.40")
        .security(Security.of("VTI", "us_stocks", "crsp-total-us").withSubstitutes(List.of(Symbol.of("ITOT"))), "250")
        .security(Security.of("ITOT", "us_stocks", "sp-total-us").withSubstitutes(List.of(Symbol.of("VTI"))), "100")
        .security("BND", "bonds", "70")
        .account("joint", AccountType.TAXABLE, "0")
        .account("ira", AccountType.TRADITIONAL, "3000")
        .lot("joint", "VTI", "100", "30000", "2025-03-03", "J1")
        .lot("ira", "BND", "250", "17500", "2024-05-01", "I1")
        .harvest(h -> h);
    Proposal p = s.harvestOnly();

    assertThat(p.harvests()).extracting(h -> h.lotId().value()).containsExactly("J1");
    assertThat(ProposalBooking.transactions(p)).extracting(t -> t.action() + " " + t.symbol().orElseThrow())
        .containsExactly("SELL VTI", "BUY ITOT");
  }
}
