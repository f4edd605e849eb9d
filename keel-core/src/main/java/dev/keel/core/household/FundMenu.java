package dev.keel.core.household;

import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The securities an account can buy (household.yaml {@code available}): a 401(k) offers a few
 * funds, a brokerage account offers everything. Keel never proposes a purchase outside an
 * account's menu; it may still sell what the account holds outside it (a fund the plan dropped).
 *
 * @param open true when the account can buy any security of the policy (no {@code available} key)
 * @param symbols the securities offered, each with where it is written (to report an unknown one)
 */
public record FundMenu(boolean open, Map<Symbol, SourceRef> symbols) {

  /** No menu: every security of the policy can be bought. */
  public static final FundMenu ANY = new FundMenu(true, Map.of());

  public FundMenu {
    Objects.requireNonNull(symbols, "symbols");
    symbols = Collections.unmodifiableMap(new LinkedHashMap<>(symbols));
    if (open && !symbols.isEmpty()) {
      throw new IllegalArgumentException("an open menu lists no symbols");
    }
  }

  /** A menu of exactly these securities. */
  public static FundMenu of(Map<Symbol, SourceRef> symbols) {
    return new FundMenu(false, symbols);
  }

  public static FundMenu of(String... symbols) {
    Map<Symbol, SourceRef> map = new LinkedHashMap<>();
    for (String s : symbols) {
      map.put(Symbol.of(s), SourceRef.NONE);
    }
    return of(map);
  }

  /** Whether the account can buy {@code symbol}. */
  public boolean offers(Symbol symbol) {
    return open || symbols.containsKey(symbol);
  }

  public Set<Symbol> listed() {
    return symbols.keySet();
  }
}
