package dev.keel.core.report;

import dev.keel.core.tax.FilingStatus;
import dev.keel.core.household.Household;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.Ledger;
import dev.keel.core.ledger.LedgerInput;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.testkit.HouseholdBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A small household booked through the real ledger, worked by hand.
 *
 * <pre>
 * joint (taxable, FIFO, no cash), ira (traditional, 10,000 cash)
 * opening lots in joint: VTI 100 for 20,000.00 (2020-01-15); VXUS 50 for 3,500.00 (2025-09-01);
 *                        BND 40 for 4,000.00 (2025-12-01); VNQ 30 for 3,000.00 (2025-10-01)
 *
 * 2025-12-15 joint sell VTI 10 @ 280          proceeds 2,800, basis 2,000 (20,000 × 10/100)  LT +800  (tax year 2025)
 * 2026-03-02 joint sell VTI 40 @ 300, fee 5   proceeds 11,995, basis 8,000 (18,000 × 40/90)  LT +3,995
 * 2026-03-02 joint sell VXUS 50 @ 60          proceeds 3,000, basis 3,500                   ST −500
 * 2026-06-01 joint sell BND 40 @ 90           proceeds 3,600, basis 4,000                   ST −400
 * 2026-06-15 ira   buy  BND 10 @ 91           washes 10 of the 40: 400 × 10/40 = 100, permanently (Rev. Rul. 2008-5)
 * 2026-07-01 joint sell VNQ 30 @ 80           proceeds 2,400, basis 3,000                   ST −600
 * 2026-07-20 joint buy  VNQ 10 @ 82           washes 10 of the 30: 600 × 10/30 = 200, added to the new lot: 1,020
 * 2026-08-01 ira   sell BND 10 @ 92           inside the IRA: no Form 8949 row
 * 2026-09-30 joint dividend 150; ira dividend 40 (not taxable); 2026-10-01 joint interest 10
 * </pre>
 */
final class ReportFixtures {

  static final MarginalRates RATES = MarginalRates.of("0.35", "0.20");

  private ReportFixtures() {}

  static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  /** joint and ira, with the tax settings given (the builder knows rates only; income needs its own settings). */
  static Household household(TaxSettings tax) {
    Household built = HouseholdBuilder.household("Test household")
        .taxable("joint")
        .traditional("ira").cash("10000")
        .build();
    return new Household(built.name(), built.members(), tax, built.accounts(), built.source());
  }

  static TaxSettings flatRates() {
    return TaxSettings.of(FilingStatus.MARRIED_JOINT, RATES);
  }

  static SecurityMaster securities() {
    return SecurityMaster.of(Security.of("VTI", "us_stocks"), Security.of("VXUS", "intl_stocks"),
        Security.of("BND", "bonds"), Security.of("VNQ", "reits"));
  }

  static List<OpeningLot> openingLots() {
    return List.of(
        OpeningLot.of("joint", "VTI", "100", "20000.00", date("2020-01-15")).withLotId("J-VTI"),
        OpeningLot.of("joint", "VXUS", "50", "3500.00", date("2025-09-01")),
        OpeningLot.of("joint", "BND", "40", "4000.00", date("2025-12-01")),
        OpeningLot.of("joint", "VNQ", "30", "3000.00", date("2025-10-01")));
  }

  static List<Transaction> transactions() {
    return List.of(
        Transaction.trade(date("2025-12-15"), "joint", Action.SELL, "VTI", "10", "280"),
        Transaction.trade(date("2026-03-02"), "joint", Action.SELL, "VTI", "40", "300").withFees("5"),
        Transaction.trade(date("2026-03-02"), "joint", Action.SELL, "VXUS", "50", "60"),
        Transaction.trade(date("2026-06-01"), "joint", Action.SELL, "BND", "40", "90"),
        Transaction.trade(date("2026-06-15"), "ira", Action.BUY, "BND", "10", "91"),
        Transaction.trade(date("2026-07-01"), "joint", Action.SELL, "VNQ", "30", "80"),
        Transaction.trade(date("2026-07-20"), "joint", Action.BUY, "VNQ", "10", "82"),
        Transaction.trade(date("2026-08-01"), "ira", Action.SELL, "BND", "10", "92"),
        Transaction.cash(date("2026-09-30"), "joint", Action.DIVIDEND, "150"),
        Transaction.cash(date("2026-09-30"), "ira", Action.DIVIDEND, "40"),
        Transaction.cash(date("2026-10-01"), "joint", Action.INTEREST, "10"));
  }

  static LedgerResult books(Household household, Optional<LocalDate> through) {
    return books(household, openingLots(), transactions(), through);
  }

  static LedgerResult books(Household household, List<OpeningLot> lots, List<Transaction> transactions,
      Optional<LocalDate> through) {
    LedgerResult result = Ledger.DEFAULT.replay(
        new LedgerInput(household, securities(), lots, transactions, RATES, through));
    if (!result.ok()) {
      throw new AssertionError("the fixture does not book: " + result.problems());
    }
    return result;
  }
}
