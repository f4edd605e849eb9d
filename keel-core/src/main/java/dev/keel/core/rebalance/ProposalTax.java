package dev.keel.core.rebalance;

import dev.keel.core.tax.estimate.TaxBasis;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a proposal realizes in taxable accounts and what it costs in tax.
 *
 * @param shortTermGain net short-term gain the proposal realizes (negative for a loss), dollars
 * @param longTermGain net long-term gain the proposal realizes, dollars
 * @param estimatedTax extra tax this year from the proposal (negative when it saves tax), dollars
 * @param realizedBefore net gains already realized this calendar year before the proposal
 * @param budgetLeft what {@code tax.max_net_gains} still allowed before the proposal; empty when no budget
 * @param basis the tax year, tables, rates and carryforward the figures were priced with
 */
public record ProposalTax(BigDecimal shortTermGain, BigDecimal longTermGain, BigDecimal estimatedTax,
    BigDecimal realizedBefore, Optional<BigDecimal> budgetLeft, Optional<TaxBasis> basis) {

  public ProposalTax(BigDecimal shortTermGain, BigDecimal longTermGain, BigDecimal estimatedTax,
      BigDecimal realizedBefore, Optional<BigDecimal> budgetLeft) {
    this(shortTermGain, longTermGain, estimatedTax, realizedBefore, budgetLeft, Optional.empty());
  }

  /** A copy that says what it was priced with. */
  public ProposalTax withBasis(TaxBasis value) {
    return new ProposalTax(shortTermGain, longTermGain, estimatedTax, realizedBefore, budgetLeft, Optional.of(value));
  }

  public BigDecimal netGain() {
    return shortTermGain.add(longTermGain);
  }
}
