package dev.keel.core.rebalance;

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
 */
public record ProposalTax(BigDecimal shortTermGain, BigDecimal longTermGain, BigDecimal estimatedTax,
    BigDecimal realizedBefore, Optional<BigDecimal> budgetLeft) {

  public BigDecimal netGain() {
    return shortTermGain.add(longTermGain);
  }
}
