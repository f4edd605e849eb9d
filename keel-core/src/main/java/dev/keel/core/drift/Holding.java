package dev.keel.core.drift;

import dev.keel.core.household.AccountId;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;

/** A position valued on the as-of date: shares of one security in one account. */
public record Holding(AccountId account, Symbol symbol, AssetClass assetClass, BigDecimal quantity, BigDecimal price, BigDecimal value) {}
