package dev.keel.core.policy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How often the household checks its drift. Action is due only on or after the next check date. */
public enum CheckCadence {
  DAILY("daily"),
  WEEKLY("weekly"),
  MONTHLY("monthly"),
  QUARTERLY("quarterly"),
  ANNUALLY("annually");

  private final String code;

  CheckCadence(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The first date on which the next check is due after a check on {@code lastChecked}. */
  public LocalDate next(LocalDate lastChecked) {
    return switch (this) {
      case DAILY -> lastChecked.plusDays(1);
      case WEEKLY -> lastChecked.plusWeeks(1);
      case MONTHLY -> lastChecked.plusMonths(1);
      case QUARTERLY -> lastChecked.plusMonths(3);
      case ANNUALLY -> lastChecked.plusYears(1);
    };
  }

  public static Optional<CheckCadence> find(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT);
    if (key.equals("yearly") || key.equals("annual")) {
      return Optional.of(ANNUALLY);
    }
    return Arrays.stream(values()).filter(c -> c.code.equals(key)).findFirst();
  }
}
