package dev.keel.core.ledger;

import dev.keel.core.household.AccountId;
import dev.keel.core.money.Decimals;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of transactions.csv. Amounts are in dollars and positive; the action says which way cash
 * moves.
 *
 * @param amount gross amount of a buy or sell (before fees), or the cash amount of other actions;
 *     for buy, sell and reinvest it may be empty when a price is given
 * @param fees added to a purchase's basis, deducted from a sale's proceeds
 * @param lotId for a sale or a transfer: the lot to relieve (specific identification); for a
 *     purchase: the id to give the new lot
 * @param account the account; null only for a split of the symbol in every account
 * @param terms what transfer, split, rsu_vest and espp_purchase rows need beyond the common columns
 */
public record Transaction(
    LocalDate date,
    AccountId account,
    Action action,
    Optional<Symbol> symbol,
    Optional<BigDecimal> quantity,
    Optional<BigDecimal> price,
    Optional<BigDecimal> amount,
    BigDecimal fees,
    Optional<LotId> lotId,
    SourceRef source,
    Optional<ActionTerms> terms) {

  /** A row whose action needs no terms. */
  public Transaction(LocalDate date, AccountId account, Action action, Optional<Symbol> symbol, Optional<BigDecimal> quantity,
      Optional<BigDecimal> price, Optional<BigDecimal> amount, BigDecimal fees, Optional<LotId> lotId, SourceRef source) {
    this(date, account, action, symbol, quantity, price, amount, fees, lotId, source, Optional.empty());
  }

  public Transaction {
    Objects.requireNonNull(date, "date");
    if (account == null && action != Action.SPLIT) {
      throw new NullPointerException("account");
    }
    terms = terms == null ? Optional.empty() : terms;
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(amount, "amount");
    fees = fees == null ? BigDecimal.ZERO : fees;
    Objects.requireNonNull(lotId, "lotId");
    source = source == null ? SourceRef.NONE : source;
    if (fees.signum() < 0) {
      throw new IllegalArgumentException("fees must not be negative: " + fees);
    }
    amount.ifPresent(a -> requireNonNegative("amount", a));
    price.ifPresent(p -> requireNonNegative("price", p));
    TermsCheck.check(action, symbol, quantity, price, amount, fees, terms);
    if (action == Action.TRANSFER || action == Action.SPLIT) {
      // checked by TermsCheck: no price or amount
    } else if (action.movesShares()) {
      if (symbol.isEmpty()) {
        throw new IllegalArgumentException(action.code() + " needs a symbol");
      }
      if (quantity.isEmpty() || quantity.get().signum() <= 0) {
        throw new IllegalArgumentException(action.code() + " needs a positive quantity");
      }
      if (price.isEmpty() && amount.isEmpty()) {
        throw new IllegalArgumentException(action.code() + " needs a price or an amount");
      }
    } else if (amount.isEmpty()) {
      throw new IllegalArgumentException(action.code() + " needs an amount");
    }
  }

  public static Transaction trade(LocalDate date, String account, Action action, String symbol, String quantity, String price) {
    return new Transaction(
        date, AccountId.of(account), action, Optional.of(Symbol.of(symbol)), Optional.of(new BigDecimal(quantity)),
        Optional.of(new BigDecimal(price)), Optional.empty(), BigDecimal.ZERO, Optional.empty(), SourceRef.NONE);
  }

  public static Transaction cash(LocalDate date, String account, Action action, String amount) {
    return new Transaction(
        date, AccountId.of(account), action, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(new BigDecimal(amount)), BigDecimal.ZERO, Optional.empty(), SourceRef.NONE);
  }

  public Transaction withLotId(String id) {
    return new Transaction(date, account, action, symbol, quantity, price, amount, fees, Optional.of(LotId.of(id)), source,
        terms);
  }

  public Transaction withFees(String value) {
    return new Transaction(date, account, action, symbol, quantity, price, amount, new BigDecimal(value), lotId, source,
        terms);
  }

  public Transaction withSource(SourceRef ref) {
    return new Transaction(date, account, action, symbol, quantity, price, amount, fees, lotId, ref, terms);
  }

  public Transaction withTerms(ActionTerms value) {
    return new Transaction(date, account, action, symbol, quantity, price, amount, fees, lotId, source, Optional.of(value));
  }

  /** The receiving account of a transfer. */
  public AccountId transferTo() {
    return terms.filter(ActionTerms.Transfer.class::isInstance).map(ActionTerms.Transfer.class::cast)
        .orElseThrow(() -> new IllegalStateException(action.code() + " is not a transfer")).to();
  }

  /**
   * The gross amount of a trade: {@code amount} when given, else quantity × price rounded to cents,
   * as a broker's confirmation rounds it.
   */
  public BigDecimal gross() {
    return amount.orElseGet(() -> Decimals.cents(quantity.orElseThrow().multiply(price.orElseThrow())));
  }

  private static void requireNonNegative(String name, BigDecimal value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }
}
