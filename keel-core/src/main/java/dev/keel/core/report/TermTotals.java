package dev.keel.core.report;

import dev.keel.core.ledger.Disposal;
import java.math.BigDecimal;
import java.util.List;

/**
 * Totals of one part of Form 8949 (Part I short-term, Part II long-term), in dollars: columns (d)
 * proceeds, (e) cost basis as each row's box shows it, (g) adjustment and (h) gain or loss.
 */
public record TermTotals(BigDecimal proceeds, BigDecimal costBasis, BigDecimal adjustment, BigDecimal gain) {

  /** Totals of Form 8949 lines as their boxes show them. */
  public static TermTotals ofLines(List<Form8949Line> lines) {
    BigDecimal proceeds = BigDecimal.ZERO;
    BigDecimal basis = BigDecimal.ZERO;
    BigDecimal adjustment = BigDecimal.ZERO;
    BigDecimal gain = BigDecimal.ZERO;
    for (Form8949Line l : lines) {
      proceeds = proceeds.add(l.proceeds());
      basis = basis.add(l.costBasis());
      adjustment = adjustment.add(l.adjustment());
      gain = gain.add(l.gain());
    }
    return new TermTotals(proceeds, basis, adjustment, gain);
  }

  /** Totals of rows all filed under box A or D (column (e) the basis the 1099-B reports). */
  public static TermTotals of(List<Disposal> rows) {
    BigDecimal proceeds = BigDecimal.ZERO;
    BigDecimal basis = BigDecimal.ZERO;
    BigDecimal adjustment = BigDecimal.ZERO;
    BigDecimal gain = BigDecimal.ZERO;
    for (Disposal d : rows) {
      proceeds = proceeds.add(d.proceeds());
      basis = basis.add(d.reportedBasis());
      adjustment = adjustment.add(d.adjustment());
      gain = gain.add(d.gain());
    }
    return new TermTotals(proceeds, basis, adjustment, gain);
  }
}
