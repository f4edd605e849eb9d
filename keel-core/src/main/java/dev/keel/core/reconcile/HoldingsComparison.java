package dev.keel.core.reconcile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The one rule by which Keel compares an account's holdings in its ledger with another source's:
 * every item either side holds is a line (a holding the other side does not show is compared with
 * zero, so a missing transaction shows as a difference, never as silence); shares are compared
 * exactly; cash to the cent, as statements and brokers state it. Nothing is adjusted.
 */
public final class HoldingsComparison {

  private HoldingsComparison() {}

  /** One item's figures: shares, or dollars for {@code cash}. */
  public record Line(String item, BigDecimal ledger, BigDecimal other) {
    public Line {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(ledger, "ledger");
      Objects.requireNonNull(other, "other");
    }

    public boolean agrees() {
      return ledger.compareTo(other) == 0;
    }
  }

  /**
   * A line per item that the other side lists, and, when {@code ledgerItemsToo}, per item the
   * ledger holds (a non-zero quantity); items in their natural order.
   */
  public static List<Line> positions(Map<String, BigDecimal> ledger, Map<String, BigDecimal> other, boolean ledgerItemsToo) {
    TreeSet<String> items = new TreeSet<>(other.keySet());
    if (ledgerItemsToo) {
      ledger.forEach((item, quantity) -> {
        if (quantity.signum() != 0) {
          items.add(item);
        }
      });
    }
    List<Line> lines = new ArrayList<>();
    for (String item : items) {
      lines.add(new Line(item, ledger.getOrDefault(item, BigDecimal.ZERO), other.getOrDefault(item, BigDecimal.ZERO)));
    }
    return lines;
  }

  /** The cash line, both figures rounded to the cent (half up) before they are compared. */
  public static Line cash(BigDecimal ledger, BigDecimal other) {
    return new Line("cash", ledger.setScale(2, RoundingMode.HALF_UP), other.setScale(2, RoundingMode.HALF_UP));
  }
}
