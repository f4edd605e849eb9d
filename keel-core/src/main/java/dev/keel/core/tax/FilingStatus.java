package dev.keel.core.tax;

import java.util.Arrays;
import java.util.Optional;

/** A federal income-tax filing status, as on Form 1040. */
public enum FilingStatus {
  SINGLE("single"),
  MARRIED_JOINT("married_joint"),
  MARRIED_SEPARATE("married_separate"),
  HEAD_OF_HOUSEHOLD("head_of_household");

  private final String code;

  FilingStatus(String code) {
    this.code = code;
  }

  /** The spelling used in household.yaml. */
  public String code() {
    return code;
  }

  public static Optional<FilingStatus> find(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equalsIgnoreCase(code.trim())).findFirst();
  }
}
