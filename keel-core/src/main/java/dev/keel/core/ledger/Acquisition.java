package dev.keel.core.ledger;

import dev.keel.core.household.AccountId;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A purchase (buy, reinvested dividend or opening lot) as the wash-sale rule sees it. */
public record Acquisition(LocalDate date, AccountId account, Symbol symbol, BigDecimal quantity, LotId lotId) {}
