package dev.keel.core.report;

/**
 * How a year's ESPP ordinary income (wages realized by dispositions, IRS Publication 525) enters
 * the tax estimate of {@code keel gains}. It is wages, not a capital gain: Form W-2 box 1 usually
 * already includes it, and household.yaml's {@code tax.income} is the household's wages, so Keel
 * asks ({@code tax.income_includes_espp}) rather than guess, and every estimate says which.
 */
public enum EsppIncomeTreatment {
  /** {@code tax.income} already includes it ({@code income_includes_espp: true}, the default): not added again. */
  INCLUDED_IN_INCOME("included_in_tax_income"),
  /** {@code income_includes_espp: false}: added to {@code tax.income} for the bracket estimate. */
  ADDED_TO_INCOME("added_to_tax_income"),
  /**
   * No {@code tax.income}: the marginal-rate estimate prices only the year's investment results,
   * and wages are not among them.
   */
  NOT_IN_ESTIMATE("not_in_estimate");

  private final String code;

  EsppIncomeTreatment(String code) {
    this.code = code;
  }

  /** How JSON writes it. */
  public String code() {
    return code;
  }
}
