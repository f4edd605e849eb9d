package dev.keel.core.tax;

import java.math.BigDecimal;

/**
 * The tax on a year's capital results at flat marginal rates, for households that give rates but
 * not their income. It follows the Schedule D netting: short- and long-term results are netted
 * against each other (a net gain keeps the character of the larger side), a net loss is deductible
 * against ordinary income up to $3,000 ($1,500 married filing separately; IRC §1211(b)) at the
 * short-term (ordinary) rate, and the rest is carried forward. Carryforwards from earlier years
 * are applied first. Ordinary income (interest, non-qualified dividends) is taxed at the
 * short-term rate.
 */
public final class FlatRateTax {

  private FlatRateTax() {}

  /**
   * @param shortTerm the year's net short-term gain (negative for a loss), dollars
   * @param longTerm the year's net long-term gain, dollars
   * @param carryIn short-term and long-term losses carried in, positive numbers
   * @return the tax (negative when losses reduce the tax on other income) and the loss carried out
   */
  public static Result of(BigDecimal shortTerm, BigDecimal longTerm, BigDecimal shortCarryIn, BigDecimal longCarryIn,
      BigDecimal ordinaryIncome, MarginalRates rates, FilingStatus status) {
    BigDecimal limit = status == FilingStatus.MARRIED_SEPARATE ? new BigDecimal("1500") : new BigDecimal("3000");
    BigDecimal s = shortTerm.subtract(shortCarryIn);
    BigDecimal l = longTerm.subtract(longCarryIn);
    BigDecimal net = s.add(l);
    BigDecimal ordinary = ordinaryIncome.multiply(rates.shortTerm());
    if (net.signum() < 0) {
      BigDecimal deducted = net.negate().min(limit);
      return new Result(ordinary.subtract(deducted.multiply(rates.shortTerm())), net.negate().subtract(deducted));
    }
    BigDecimal capital;
    if (s.signum() >= 0 && l.signum() >= 0) {
      capital = s.multiply(rates.shortTerm()).add(l.multiply(rates.longTerm()));
    } else if (s.signum() < 0) {
      capital = net.multiply(rates.longTerm()); // a short-term loss absorbed by a long-term gain
    } else {
      capital = net.multiply(rates.shortTerm()); // a long-term loss absorbed by a short-term gain
    }
    return new Result(ordinary.add(capital), BigDecimal.ZERO);
  }

  /** @param tax dollars, unrounded; @param carriedOut capital loss carried to the next year */
  public record Result(BigDecimal tax, BigDecimal carriedOut) {}
}
