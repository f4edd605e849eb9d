package dev.keel.testkit.generate;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.security.Security;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers over generated households. */
final class Households {

  private Households() {}

  /**
   * Everything a household holds, as values that compare by content: {@code PriceTable} and
   * {@code SecurityMaster} do not define {@code equals}, so they are turned into a map and a list.
   */
  static List<Object> contents(HouseholdData data, LocalDate asOf) {
    List<Object> out = new ArrayList<>();
    out.add(data.household());
    out.add(policyContents(data));
    out.add(data.openingLots());
    out.add(data.transactions());
    out.add(prices(data, asOf));
    return out;
  }

  static List<Object> policyContents(HouseholdData data) {
    var policy = data.policy();
    return List.of(policy.targets(), policy.band(), policy.bandOverrides(), policy.cadence(), policy.lastChecked(),
        List.copyOf(policy.securities().all()));
  }

  static Map<Symbol, BigDecimal> prices(HouseholdData data, LocalDate asOf) {
    Map<Symbol, BigDecimal> out = new LinkedHashMap<>();
    for (Security security : data.policy().securities().all()) {
      out.put(security.symbol(), data.prices().find(security.symbol(), asOf).orElse(null));
    }
    return out;
  }
}
