package dev.keel.core.household;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which lots a sale relieves when the sale itself names none. FIFO is the default because it is
 * what the IRS presumes when shares are not adequately identified (Publication 550, "Identifying
 * the stock sold").
 */
public enum LotMethod {
  FIFO("fifo"),
  LIFO("lifo"),
  /** Highest cost per share first. */
  HIFO("hifo"),
  /** Losses first (short-term before long-term), then long-term gains, short-term gains last. */
  MIN_TAX("min_tax"),
  /** Every sale must name its lot. */
  SPECIFIC("specific");

  private final String code;

  LotMethod(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<LotMethod> find(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.code.equals(key)).findFirst();
  }
}
