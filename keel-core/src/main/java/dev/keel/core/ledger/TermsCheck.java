package dev.keel.core.ledger;

import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.util.Optional;

/** The rules of the actions that carry {@link ActionTerms}, checked once for {@link Transaction}. */
final class TermsCheck {

  private TermsCheck() {}

  static void check(Action action, Optional<Symbol> symbol, Optional<BigDecimal> quantity, Optional<BigDecimal> price,
      Optional<BigDecimal> amount, BigDecimal fees, Optional<ActionTerms> terms) {
    if (action.needsSymbol() && symbol.isEmpty()) {
      throw new IllegalArgumentException(action.code() + " needs a symbol");
    }
    switch (action) {
      case TRANSFER -> {
        require(terms.filter(ActionTerms.Transfer.class::isInstance).isPresent(), "transfer needs the receiving account");
        require(quantity.isPresent() && quantity.get().signum() > 0, "transfer needs a positive quantity");
        require(price.isEmpty() && amount.isEmpty() && fees.signum() == 0, "transfer takes no price, amount or fees");
      }
      case SPLIT -> {
        require(terms.filter(ActionTerms.Split.class::isInstance).isPresent(), "split needs a ratio");
        require(quantity.isEmpty() && price.isEmpty() && amount.isEmpty() && fees.signum() == 0,
            "split takes no quantity, price, amount or fees");
      }
      case RSU_VEST, ESPP_PURCHASE -> {
        Optional<ActionTerms.Award> award = terms.filter(ActionTerms.Award.class::isInstance).map(ActionTerms.Award.class::cast);
        boolean espp = action == Action.ESPP_PURCHASE;
        require(award.map(a -> a.offering().isPresent() == espp).orElse(!espp),
            espp ? "espp_purchase needs its offering facts" : "rsu_vest takes no offering facts");
      }
      default -> require(terms.isEmpty(), action.code() + " takes no transfer, split or award terms");
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
