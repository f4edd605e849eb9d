package dev.keel.core.report;

import dev.keel.core.household.BasisReporting;
import dev.keel.core.ledger.Disposal;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One sale as Form 8949 shows it, which depends on the box it is filed under (Instructions for
 * Form 8949, "Columns (f) and (g)", code B: "You received a Form 1099-B ... and the basis shown in
 * box 1e is incorrect"):
 *
 * <ul>
 *   <li>box A or D (basis reported to the IRS): column (e) is the basis the 1099-B shows, even when
 *       it is wrong, and column (g) corrects it, with code B;
 *   <li>box B or E (1099-B without basis reported to the IRS): column (e) is the correct basis,
 *       still with code B when the 1099-B's basis is wrong, and −0− in column (g) for it;
 *   <li>box C or F (no 1099-B): the correct basis in column (e); there is no reported basis to
 *       correct, so no code B.
 * </ul>
 *
 * A wash sale adds code W and its disallowed loss to column (g) in every box. In every box column
 * (h) = (d) − (e) + (g) is the same gain or loss, {@link Disposal#gain()}.
 *
 * @param costBasis column (e), in dollars
 * @param code column (f): B, W, BW or empty
 * @param adjustment column (g), in dollars: positive adds to the gain
 */
public record Form8949Line(Disposal disposal, Form8949Box box, BigDecimal costBasis, String code, BigDecimal adjustment) {

  public Form8949Line {
    Objects.requireNonNull(disposal, "disposal");
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(costBasis, "costBasis");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(adjustment, "adjustment");
  }

  /** The line of {@code d} when its 1099-B reports as {@code reporting} says. */
  public static Form8949Line of(Disposal d, BasisReporting reporting) {
    Form8949Box box = Form8949Box.of(d.term(), reporting);
    String wash = d.washed() ? "W" : "";
    return switch (reporting) {
      case REPORTED -> new Form8949Line(d, box, d.reportedBasis(), (d.basisCorrected() ? "B" : "") + wash, d.adjustment());
      case NOT_REPORTED -> new Form8949Line(d, box, d.costBasis(), (d.basisCorrected() ? "B" : "") + wash, d.disallowed());
      case NO_1099B -> new Form8949Line(d, box, d.costBasis(), wash, d.disallowed());
    };
  }

  /** Column (d), proceeds in dollars. */
  public BigDecimal proceeds() {
    return disposal.proceeds();
  }

  /** Column (h): (d) − (e) + (g). */
  public BigDecimal gain() {
    return disposal.proceeds().subtract(costBasis).add(adjustment);
  }

  /** Whether this line carries code B: the 1099-B's basis is wrong and corrected here. */
  public boolean basisCorrected() {
    return code.contains("B");
  }

  /** The compensation the 1099-B left out of the basis that column (g) adds back (zero unless box A or D). */
  public BigDecimal basisCorrection() {
    return costBasis.compareTo(disposal.costBasis()) == 0 ? BigDecimal.ZERO : disposal.costBasis().subtract(costBasis);
  }
}
