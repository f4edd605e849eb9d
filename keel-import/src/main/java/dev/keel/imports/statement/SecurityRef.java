package dev.keel.imports.statement;

import dev.keel.core.security.Symbol;
import java.util.Objects;
import java.util.Optional;

/**
 * A security as a statement names it: the ticker when the file gives one, the CUSIP when it does
 * (OFX always identifies by UNIQUEID, mostly a CUSIP) and the custodian's description.
 */
public record SecurityRef(Optional<Symbol> symbol, String cusip, String name) {

  public SecurityRef {
    Objects.requireNonNull(symbol, "symbol");
    cusip = cusip == null ? "" : cusip.trim();
    name = name == null ? "" : name.trim();
  }

  public static SecurityRef ticker(String ticker, String name) {
    return new SecurityRef(Symbol.isValid(ticker) ? Optional.of(Symbol.of(ticker)) : Optional.empty(), "", name);
  }

  /** {@code Vanguard Total Stock Market ETF (VTI, CUSIP 922908769)}. */
  public String describe() {
    StringBuilder out = new StringBuilder(name.isEmpty() ? "(no name)" : name);
    String ids = String.join(", ", symbol.map(Symbol::value).stream().toList())
        + (cusip.isEmpty() ? "" : (symbol.isPresent() ? ", " : "") + "CUSIP " + cusip);
    return ids.isEmpty() ? out.toString() : out.append(" (").append(ids).append(')').toString();
  }
}
