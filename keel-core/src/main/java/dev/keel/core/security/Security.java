package dev.keel.core.security;

import dev.keel.core.problem.SourceRef;
import java.util.List;
import java.util.Objects;

/**
 * A security the household may hold.
 *
 * @param identicalGroup securities sharing a group are treated as substantially identical for the
 *     wash-sale rule; a security with no group of its own is identical only to itself
 * @param substitutes ordered alternatives to buy when harvesting a loss in this security
 * @param restricted never traded by Keel (company stock under a blackout, say)
 */
public record Security(
    Symbol symbol, AssetClass assetClass, String identicalGroup, List<Symbol> substitutes, boolean restricted, SourceRef source) {

  public Security {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(assetClass, "assetClass");
    identicalGroup = identicalGroup == null || identicalGroup.isBlank() ? "=" + symbol.value() : identicalGroup.trim();
    substitutes = List.copyOf(substitutes);
    source = source == null ? SourceRef.NONE : source;
  }

  public static Security of(String symbol, String assetClass) {
    return new Security(Symbol.of(symbol), AssetClass.of(assetClass), null, List.of(), false, SourceRef.NONE);
  }

  public static Security of(String symbol, String assetClass, String identicalGroup) {
    return new Security(Symbol.of(symbol), AssetClass.of(assetClass), identicalGroup, List.of(), false, SourceRef.NONE);
  }

  public Security withSubstitutes(List<Symbol> alternatives) {
    return new Security(symbol, assetClass, identicalGroup, alternatives, restricted, source);
  }

  public Security withRestricted(boolean value) {
    return new Security(symbol, assetClass, identicalGroup, substitutes, value, source);
  }
}
