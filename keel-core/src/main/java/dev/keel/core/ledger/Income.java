package dev.keel.core.ledger;

import dev.keel.core.household.AccountId;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** A dividend (cash or reinvested) or interest payment, in dollars. */
public record Income(LocalDate date, AccountId account, Action action, Optional<Symbol> symbol, BigDecimal amount) {}
