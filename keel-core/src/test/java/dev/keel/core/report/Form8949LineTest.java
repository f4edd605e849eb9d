package dev.keel.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountId;
import dev.keel.core.household.BasisReporting;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.LotId;
import dev.keel.core.ledger.WashSale;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Columns (e), (f) and (g) of Form 8949 by box, for employer stock whose 1099-B basis leaves out
 * the compensation (Instructions for Form 8949, "Columns (f) and (g)", code B: with box A or D
 * checked, "enter the basis shown on Form 1099-B ... in column (e), even though that basis is
 * incorrect. Correct the error by entering an adjustment in column (g)"; with box B or E checked,
 * "enter the correct basis in column (e), and enter -0- in column (g)"). IRS Publication 525 gives
 * the compensation: an RSU's value at vest, an ESPP sale's ordinary income.
 */
class Form8949LineTest {

  private static final LocalDate VESTED = LocalDate.parse("2024-03-15");
  private static final LocalDate SOLD = LocalDate.parse("2025-03-17");

  /**
   * 100 RSU shares vested at 50.00 (5,000.00 of wages, the basis) sold for 6,000.00; the broker
   * reports a basis of 0. Gain 1,000.00 long-term.
   */
  private static Disposal rsuSale(BigDecimal disallowed, List<WashSale> washes) {
    return new Disposal(AccountId.of("plan"), Symbol.of("M"), LotId.of("V"), new BigDecimal("100"), VESTED, VESTED,
        false, SOLD, new BigDecimal("6000.00"), new BigDecimal("5000.00"), BigDecimal.ZERO, disallowed, BigDecimal.ZERO,
        Term.LONG, true, washes, SourceRef.NONE, new BigDecimal("0.00"), BigDecimal.ZERO);
  }

  /** Shares sold at a loss of 400 with 150 of it washed: proceeds 4,600, basis 5,000, 1099-B basis 4,800. */
  private static Disposal washedEsppSale() {
    WashSale w = new WashSale(AccountId.of("plan"), Symbol.of("M"), LotId.of("E"), SOLD, AccountId.of("plan"),
        Symbol.of("M"), LotId.of("R"), SOLD.plusDays(3), new BigDecimal("30"), new BigDecimal("150.00"), false, 100);
    return new Disposal(AccountId.of("plan"), Symbol.of("M"), LotId.of("E"), new BigDecimal("80"), VESTED, VESTED,
        false, SOLD, new BigDecimal("4600.00"), new BigDecimal("5000.00"), BigDecimal.ZERO, new BigDecimal("150.00"),
        BigDecimal.ZERO, Term.LONG, true, List.of(w), SourceRef.NONE, new BigDecimal("4800.00"), new BigDecimal("200.00"));
  }

  @Test
  void test_boxD_reportedBasisInE_correctionInG() {
    Form8949Line line = Form8949Line.of(rsuSale(BigDecimal.ZERO, List.of()), BasisReporting.REPORTED);

    assertThat(line.box()).isEqualTo(Form8949Box.D);
    assertThat(line.costBasis()).isEqualByComparingTo("0.00");
    assertThat(line.code()).isEqualTo("B");
    assertThat(line.adjustment()).isEqualByComparingTo("-5000.00");
    assertThat(line.gain()).isEqualByComparingTo("1000.00"); // 6,000 − 0 − 5,000
    assertThat(line.basisCorrection()).isEqualByComparingTo("5000.00");
  }

  @Test
  void test_boxE_correctBasisInE_codeB_zeroInG() {
    // Before: column (e) showed the 1099-B's 0.00 and (g) −5,000.00 under box E too.
    Form8949Line line = Form8949Line.of(rsuSale(BigDecimal.ZERO, List.of()), BasisReporting.NOT_REPORTED);

    assertThat(line.box()).isEqualTo(Form8949Box.E);
    assertThat(line.costBasis()).isEqualByComparingTo("5000.00");
    assertThat(line.code()).isEqualTo("B");
    assertThat(line.adjustment()).isEqualByComparingTo("0");
    assertThat(line.gain()).isEqualByComparingTo("1000.00"); // 6,000 − 5,000 + 0
    assertThat(line.basisCorrection()).isZero();
  }

  @Test
  void test_boxF_noForm1099B_correctBasis_noCodeB() {
    Form8949Line line = Form8949Line.of(rsuSale(BigDecimal.ZERO, List.of()), BasisReporting.NO_1099B);

    assertThat(line.box()).isEqualTo(Form8949Box.F);
    assertThat(line.costBasis()).isEqualByComparingTo("5000.00");
    assertThat(line.code()).isEmpty();
    assertThat(line.adjustment()).isEqualByComparingTo("0");
    assertThat(line.gain()).isEqualByComparingTo("1000.00");
  }

  @Test
  void test_washSaleWithCodeB_gInEveryBoxHoldsTheDisallowedLoss() {
    // Loss 4,600 − 5,000 = −400; 150 disallowed: gain −250 in every box.
    Disposal d = washedEsppSale();
    Form8949Line reported = Form8949Line.of(d, BasisReporting.REPORTED);
    Form8949Line notReported = Form8949Line.of(d, BasisReporting.NOT_REPORTED);
    Form8949Line none = Form8949Line.of(d, BasisReporting.NO_1099B);

    // Box D: (e) 4,800 as reported; (g) = 150 − (5,000 − 4,800) = −50; 4,600 − 4,800 − 50 = −250.
    assertThat(reported.code()).isEqualTo("BW");
    assertThat(reported.costBasis()).isEqualByComparingTo("4800.00");
    assertThat(reported.adjustment()).isEqualByComparingTo("-50.00");
    // Box E: (e) 5,000 correct; (g) only the wash sale's 150: 4,600 − 5,000 + 150 = −250.
    assertThat(notReported.code()).isEqualTo("BW");
    assertThat(notReported.costBasis()).isEqualByComparingTo("5000.00");
    assertThat(notReported.adjustment()).isEqualByComparingTo("150.00");
    // Box F: no 1099-B to correct: code W alone.
    assertThat(none.code()).isEqualTo("W");
    assertThat(none.adjustment()).isEqualByComparingTo("150.00");
    assertThat(List.of(reported, notReported, none)).allSatisfy(l -> assertThat(l.gain()).isEqualByComparingTo("-250.00"));
  }

  @Test
  void test_totals_followEachRowsBox() {
    Disposal d = rsuSale(BigDecimal.ZERO, List.of());
    TermTotals boxE = TermTotals.ofLines(List.of(Form8949Line.of(d, BasisReporting.NOT_REPORTED)));

    assertThat(boxE.costBasis()).isEqualByComparingTo("5000.00");
    assertThat(boxE.adjustment()).isEqualByComparingTo("0");
    assertThat(boxE.gain()).isEqualByComparingTo("1000.00");
  }
}
