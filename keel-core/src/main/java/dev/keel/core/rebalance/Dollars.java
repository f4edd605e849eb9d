package dev.keel.core.rebalance;

import dev.keel.core.money.Decimals;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Dollar amounts in the words of a proposal: {@code $1,234.57}, {@code -$12.00}; cents rounded half-up. */
final class Dollars {

  private Dollars() {}

  static String of(BigDecimal amount) {
    BigDecimal cents = Decimals.cents(amount);
    String text = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(cents.abs());
    return (cents.signum() < 0 ? "-$" : "$") + text;
  }

  static String of(double amount) {
    return of(BigDecimal.valueOf(amount));
  }
}
