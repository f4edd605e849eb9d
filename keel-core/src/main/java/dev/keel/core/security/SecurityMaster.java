package dev.keel.core.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference data for the securities of a policy: asset class and wash-sale identity per symbol.
 * Passed explicitly to every service that needs it.
 */
public final class SecurityMaster {

  private final Map<Symbol, Security> bySymbol;

  private SecurityMaster(Map<Symbol, Security> bySymbol) {
    this.bySymbol = bySymbol;
  }

  public static SecurityMaster of(Collection<Security> securities) {
    Map<Symbol, Security> map = new LinkedHashMap<>();
    for (Security security : securities) {
      if (map.put(security.symbol(), security) != null) {
        throw new IllegalArgumentException("duplicate security: " + security.symbol());
      }
    }
    return new SecurityMaster(map);
  }

  public static SecurityMaster of(Security... securities) {
    return of(List.of(securities));
  }

  public Optional<Security> find(Symbol symbol) {
    return Optional.ofNullable(bySymbol.get(symbol));
  }

  public Security get(Symbol symbol) {
    Security security = bySymbol.get(symbol);
    if (security == null) {
      throw new IllegalArgumentException("unknown security: " + symbol);
    }
    return security;
  }

  public boolean contains(Symbol symbol) {
    return bySymbol.containsKey(symbol);
  }

  public Collection<Security> all() {
    return bySymbol.values();
  }

  /**
   * The wash-sale identity of a symbol: its identical group, or the symbol alone when it has none
   * or is unknown. Two symbols are substantially identical exactly when their keys are equal.
   */
  public String identityOf(Symbol symbol) {
    Security security = bySymbol.get(symbol);
    return security == null ? "=" + symbol.value() : security.identicalGroup();
  }

  public boolean substantiallyIdentical(Symbol a, Symbol b) {
    return identityOf(a).equals(identityOf(b));
  }

  public AssetClass assetClassOf(Symbol symbol) {
    return get(symbol).assetClass();
  }
}
