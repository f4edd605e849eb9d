package dev.keel.io.read;

import dev.keel.core.policy.Band;
import dev.keel.core.policy.ClassYield;
import dev.keel.core.policy.CheckCadence;
import dev.keel.core.household.AccountType;
import dev.keel.core.household.AccountId;
import dev.keel.core.policy.HarvestSettings;
import dev.keel.core.policy.Policy;
import dev.keel.core.policy.ScheduledPurchase;
import dev.keel.core.policy.RebalanceSettings;
import dev.keel.core.policy.RebalanceTo;
import dev.keel.core.price.PriceAgeLimits;
import dev.keel.core.problem.Problem;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads policy.yaml, the Investment Policy Statement: {@code targets}, {@code bands}, {@code
 * band_overrides}, {@code check}, {@code last_checked} and {@code securities}. See docs/formats.md.
 */
public final class PolicyYamlLoader {

  private static final List<String> TOP = List.of("targets", "bands", "band_overrides", "check", "last_checked", "securities",
      "rebalance_to", "location", "min_trade", "fractional", "restricted_lots", "transaction_cost", "harvest",
      "yields", "location_horizon", "prices",
      // How the server acts on proposals (dry_run, approve, auto): read and checked by keel-store, not the engine.
      "execution");
  private static final List<String> PRICES = List.of("warn_after_days", "refuse_after_days");
  private static final List<String> HARVEST = List.of("enabled", "min_loss", "min_loss_pct", "swap_back", "max_swap_back_gain",
      "scheduled");
  private static final List<String> SCHEDULED = List.of("account", "symbol", "kind", "next", "every");
  private static final List<String> SECURITY = List.of("symbol", "asset_class", "identical_group", "substitutes", "restricted", "name");
  private static final List<String> BAND = List.of("absolute", "relative");
  private static final List<String> YIELD = List.of("ordinary", "qualified", "foreign_tax");

  private PolicyYamlLoader() {}

  public static Loaded<Policy> load(String file, Reader reader) {
    List<Problem> problems = new ArrayList<>();
    Optional<YamlMap> top = YamlMap.top(file, reader, "policy", "targets, bands, check and securities", problems);
    if (top.isEmpty()) {
      return Loaded.failed(problems);
    }
    YamlMap map = top.get();
    map.allowOnly(TOP);
    Map<AssetClass, BigDecimal> targets = targets(file, map, problems);
    Optional<Band> band = Optional.empty();
    if (map.child("bands") == null) {
      problems.add(new Problem(file, map.line(), "bands", null, "is missing; e.g. bands: {absolute: 0.05, relative: 0.25}"));
    } else {
      band = band(file, map.child("bands"), problems);
    }
    Map<AssetClass, Band> overrides = new HashMap<>();
    YamlMap.of(file, map.child("band_overrides"), "band_overrides", problems).ifPresent(o -> {
      Map<AssetClass, Integer> firstLine = new HashMap<>();
      for (Map.Entry<String, YamlNode> e : o.node().entries().entrySet()) {
        Optional<AssetClass> assetClass = className(file, e.getValue(), e.getKey(), problems);
        if (assetClass.isPresent() && !firstTime(file, "band_overrides", e, assetClass.get(), firstLine, problems)) {
          continue;
        }
        assetClass.ifPresent(c -> {
          if (!targets.isEmpty() && !targets.containsKey(c)) {
            problems.add(new Problem(file, e.getValue().line(), "band_overrides", e.getKey(), "is not an asset class of targets"));
          }
        });
        band(file, e.getValue(), problems).ifPresent(b -> assetClass.ifPresent(c -> overrides.put(c, b)));
      }
    });
    CheckCadence cadence = map.cell("check").oneOf(CheckCadence::find, "daily, weekly, monthly, quarterly, annually")
        .orElse(CheckCadence.QUARTERLY);
    Optional<LocalDate> lastChecked = map.cell("last_checked").date();
    List<Security> securities = securities(file, map, problems);
    RebalanceSettings rebalance = rebalance(file, map, targets, problems);
    HarvestSettings harvest = harvest(file, map, problems);
    PriceAgeLimits priceAges = priceAges(file, map, problems);
    if (!problems.isEmpty() || band.isEmpty()) {
      return Loaded.failed(problems);
    }
    return Loaded.of(new Policy(targets, band.get(), overrides, cadence, lastChecked, SecurityMaster.of(securities), rebalance,
        harvest).withPrices(priceAges), problems);
  }

  /** {@code prices: {warn_after_days: 5, refuse_after_days: 30}}: how old a price may be. */
  private static PriceAgeLimits priceAges(String file, YamlMap top, List<Problem> problems) {
    Optional<YamlMap> section = YamlMap.of(file, top.child("prices"), "prices", problems);
    if (section.isEmpty()) {
      return PriceAgeLimits.DEFAULTS;
    }
    YamlMap p = section.get();
    p.allowOnly(PRICES);
    PriceAgeLimits d = PriceAgeLimits.DEFAULTS;
    int warn = p.cell("warn_after_days").wholeNumber()
        .flatMap(v -> v >= 0 ? Optional.of(v) : p.cell("warn_after_days").fail("must not be negative")).orElse(d.warnAfterDays());
    Cell refuseCell = p.cell("refuse_after_days");
    int refuse = refuseCell.wholeNumber().flatMap(v -> v >= warn ? Optional.of(v)
        : refuseCell.fail("must not be less than warn_after_days (" + warn + ")")).orElse(Math.max(warn, d.refuseAfterDays()));
    return new PriceAgeLimits(warn, refuse);
  }

  private static RebalanceSettings rebalance(String file, YamlMap map, Map<AssetClass, BigDecimal> targets, List<Problem> problems) {
    RebalanceSettings d = RebalanceSettings.DEFAULTS;
    RebalanceTo to = d.rebalanceTo();
    Cell toCell = map.cell("rebalance_to");
    if (!toCell.blank()) {
      String text = toCell.raw().trim().toLowerCase(java.util.Locale.ROOT);
      switch (text) {
        case "target" -> to = RebalanceTo.TARGET;
        case "band_edge" -> to = RebalanceTo.BAND_EDGE;
        case "midpoint" -> to = RebalanceTo.MIDPOINT;
        default -> {
          BigDecimal tolerance = null;
          try {
            tolerance = new BigDecimal(text);
          } catch (NumberFormatException e) {
            // reported below
          }
          if (tolerance != null && tolerance.signum() > 0 && tolerance.compareTo(BigDecimal.ONE) < 0) {
            to = RebalanceTo.tolerance(tolerance);
          } else {
            toCell.fail("is not target, band_edge, midpoint or a tolerance between 0 and 1 such as 0.0175");
          }
        }
      }
    }
    Map<AssetClass, List<AccountType>> location = new LinkedHashMap<>();
    YamlMap.of(file, map.child("location"), "location", problems).ifPresent(l -> {
      for (Map.Entry<String, YamlNode> e : l.node().entries().entrySet()) {
        Optional<AssetClass> assetClass = className(file, e.getValue(), e.getKey(), problems);
        if (assetClass.isPresent() && !targets.isEmpty() && !targets.containsKey(assetClass.get())) {
          problems.add(new Problem(file, e.getValue().line(), "location", e.getKey(), "is not an asset class of targets"));
        }
        List<AccountType> types = new ArrayList<>();
        for (Cell c : l.cells(e.getKey())) {
          c.oneOf(AccountType::find, "taxable, traditional, roth, hsa").ifPresent(types::add);
        }
        assetClass.ifPresent(c -> location.put(c, types));
      }
    });
    BigDecimal minTrade = map.cell("min_trade").nonNegative().orElse(d.minTrade());
    boolean fractional = map.cell("fractional").bool().orElse(d.fractional());
    java.util.Set<String> restrictedLots = new java.util.LinkedHashSet<>();
    for (Cell c : map.cells("restricted_lots")) {
      c.text().ifPresent(restrictedLots::add);
    }
    BigDecimal cost = map.cell("transaction_cost").decimal()
        .flatMap(v -> v.signum() >= 0 && v.compareTo(new BigDecimal("0.05")) <= 0
            ? Optional.of(v)
            : map.cell("transaction_cost").fail("must be a fraction between 0 and 0.05 (0.0005 for 5 bps)"))
        .orElse(d.transactionCost());
    Map<AssetClass, ClassYield> yields = yields(file, map, targets, problems);
    int horizon = map.cell("location_horizon").wholeNumber()
        .flatMap(h -> h >= 0 && h <= RebalanceSettings.MAX_LOCATION_HORIZON
            ? Optional.of(h)
            : map.cell("location_horizon").fail("must be a whole number of years from 0 to " + RebalanceSettings.MAX_LOCATION_HORIZON))
        .orElse(RebalanceSettings.DEFAULT_LOCATION_HORIZON);
    return new RebalanceSettings(to, location, minTrade, fractional, restrictedLots, cost, yields, horizon);
  }

  /** {@code yields}: per asset class, the expected yearly distributions that price its location. */
  private static Map<AssetClass, ClassYield> yields(String file, YamlMap map, Map<AssetClass, BigDecimal> targets,
      List<Problem> problems) {
    Map<AssetClass, ClassYield> out = new LinkedHashMap<>();
    YamlMap.of(file, map.child("yields"), "yields", problems).ifPresent(y -> {
      for (Map.Entry<String, YamlNode> e : y.node().entries().entrySet()) {
        Optional<AssetClass> assetClass = className(file, e.getValue(), e.getKey(), problems);
        if (assetClass.isPresent() && !targets.isEmpty() && !targets.containsKey(assetClass.get())) {
          problems.add(new Problem(file, e.getValue().line(), "yields", e.getKey(), "is not an asset class of targets"));
        }
        Optional<YamlMap> entry = YamlMap.of(file, e.getValue(), "yields", problems);
        if (entry.isEmpty() || assetClass.isEmpty()) {
          continue;
        }
        entry.get().allowOnly(YIELD);
        int before = problems.size();
        BigDecimal[] parts = new BigDecimal[YIELD.size()];
        for (int i = 0; i < parts.length; i++) {
          Cell cell = entry.get().cell(YIELD.get(i));
          parts[i] = cell.fraction().flatMap(v -> v.compareTo(ClassYield.MAX) <= 0
              ? Optional.of(v)
              : cell.fail("must be a yearly yield between 0 and " + ClassYield.MAX.toPlainString() + " (0.04 for 4%)"))
              .orElse(BigDecimal.ZERO);
        }
        if (problems.size() == before) {
          out.put(assetClass.get(), new ClassYield(parts[0], parts[1], parts[2]));
        }
      }
    });
    return out;
  }

  private static HarvestSettings harvest(String file, YamlMap top, List<Problem> problems) {
    Optional<YamlMap> section = YamlMap.of(file, top.child("harvest"), "harvest", problems);
    if (section.isEmpty()) {
      return HarvestSettings.DEFAULTS;
    }
    YamlMap h = section.get();
    h.allowOnly(HARVEST);
    HarvestSettings d = HarvestSettings.DEFAULTS;
    boolean enabled = h.cell("enabled").bool().orElse(false);
    BigDecimal minLoss = h.cell("min_loss").nonNegative().orElse(d.minLoss());
    BigDecimal minLossPct = h.cell("min_loss_pct").fraction().orElse(d.minLossPct());
    boolean swapBack = h.cell("swap_back").bool().orElse(false);
    BigDecimal maxSwapBackGain = h.cell("max_swap_back_gain").nonNegative().orElse(d.maxSwapBackGain());
    List<ScheduledPurchase> scheduled = new ArrayList<>();
    YamlNode list = h.child("scheduled");
    if (list != null && !list.isNull()) {
      if (!list.isList()) {
        problems.add(new Problem(file, list.line(), list.path(), null, "must be a list (each item starting with '- account:')"));
      } else {
        for (YamlNode item : list.items()) {
          YamlMap.of(file, item, "harvest.scheduled", problems).ifPresent(s -> {
            int before = problems.size();
            s.allowOnly(SCHEDULED);
            Optional<AccountId> account = s.cell("account").required().flatMap(x -> s.cell("account").id(AccountId::of, "account id"));
            Optional<Symbol> symbol = s.cell("symbol").required().flatMap(x -> s.cell("symbol").id(Symbol::of, "symbol"));
            String kind = s.cell("kind").text().orElse("purchase");
            Optional<LocalDate> next = s.cell("next").required().flatMap(x -> s.cell("next").date());
            Optional<CheckCadence> every = s.cell("every").oneOf(CheckCadence::find, "daily, weekly, monthly, quarterly, annually");
            if (problems.size() == before) {
              scheduled.add(new ScheduledPurchase(account.get(), symbol.get(), kind, next.get(), every));
            }
          });
        }
      }
    }
    return new HarvestSettings(enabled, minLoss, minLossPct, swapBack, maxSwapBackGain, scheduled);
  }

  private static Map<AssetClass, BigDecimal> targets(String file, YamlMap top, List<Problem> problems) {
    Map<AssetClass, BigDecimal> targets = new LinkedHashMap<>();
    YamlNode node = top.child("targets");
    if (node == null || node.isNull()) {
      problems.add(new Problem(file, top.line(), "targets", null, "is missing; give a weight per asset class, summing to 1"));
      return targets;
    }
    Optional<YamlMap> map = YamlMap.of(file, node, "targets", problems);
    if (map.isEmpty()) {
      return targets;
    }
    int before = problems.size();
    Map<AssetClass, Integer> firstLine = new HashMap<>();
    for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
      Optional<AssetClass> assetClass = className(file, e.getValue(), e.getKey(), problems);
      Optional<BigDecimal> weight = map.get().cell(e.getKey()).required().flatMap(x -> map.get().cell(e.getKey()).fraction());
      if (assetClass.isPresent() && !firstTime(file, "targets", e, assetClass.get(), firstLine, problems)) {
        continue;
      }
      if (assetClass.isPresent() && weight.isPresent()) {
        targets.put(assetClass.get(), weight.get());
      }
    }
    if (targets.isEmpty() && problems.size() == before) {
      problems.add(new Problem(file, node.line(), "targets", null, "is empty; give a weight per asset class, summing to 1"));
    }
    if (problems.size() == before && !targets.isEmpty()) {
      BigDecimal sum = targets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.compareTo(BigDecimal.ONE) != 0) {
        problems.add(new Problem(file, node.line(), "targets", null,
            "sum to " + sum.stripTrailingZeros().toPlainString() + "; expected 1"));
      }
    }
    return targets;
  }

  /**
   * Asset class names ignore case, so {@code Bonds} and {@code bonds} are one class: the second is
   * a problem, not a silent replacement of the first. (Keys spelled the same are caught by the
   * YAML reader.)
   */
  private static boolean firstTime(String file, String section, Map.Entry<String, YamlNode> entry, AssetClass assetClass,
      Map<AssetClass, Integer> firstLine, List<Problem> problems) {
    Integer first = firstLine.putIfAbsent(assetClass, entry.getValue().line());
    if (first == null) {
      return true;
    }
    problems.add(new Problem(file, entry.getValue().line(), section, entry.getKey(),
        "is the asset class " + assetClass + " again (first on line " + first + "; names ignore case)"));
    return false;
  }

  private static Optional<AssetClass> className(String file, YamlNode node, String name, List<Problem> problems) {
    if (!AssetClass.isValid(name)) {
      problems.add(new Problem(file, node.line(), "asset class", name, "is not a valid asset class name (letters, digits, '_', '-')"));
      return Optional.empty();
    }
    return Optional.of(AssetClass.of(name));
  }

  private static Optional<Band> band(String file, YamlNode node, List<Problem> problems) {
    Optional<YamlMap> map = YamlMap.of(file, node, "bands", problems);
    if (map.isEmpty()) {
      return Optional.empty();
    }
    map.get().allowOnly(BAND);
    int before = problems.size();
    Optional<BigDecimal> absolute = map.get().cell("absolute").fraction();
    Optional<BigDecimal> relative = map.get().cell("relative").fraction();
    if (problems.size() != before) {
      return Optional.empty();
    }
    if (absolute.isEmpty() && relative.isEmpty()) {
      problems.add(new Problem(file, node.line(), node.path(), null, "needs absolute and/or relative, e.g. {absolute: 0.05, relative: 0.25}"));
      return Optional.empty();
    }
    return Optional.of(new Band(absolute, relative));
  }

  private static List<Security> securities(String file, YamlMap top, List<Problem> problems) {
    List<Security> out = new ArrayList<>();
    YamlNode list = top.child("securities");
    if (list == null || list.isNull()) {
      problems.add(new Problem(file, top.line(), "securities", null, "is missing; list every security with its asset_class"));
      return out;
    }
    if (!list.isList()) {
      problems.add(new Problem(file, list.line(), "securities", null, "must be a list (each item starting with '- symbol:')"));
      return out;
    }
    Map<Symbol, Integer> seen = new HashMap<>();
    for (YamlNode item : list.items()) {
      Optional<YamlMap> section = YamlMap.of(file, item, "securities", problems);
      if (section.isEmpty()) {
        continue;
      }
      YamlMap s = section.get();
      int before = problems.size();
      s.allowOnly(SECURITY);
      Optional<Symbol> symbol = s.cell("symbol").required().flatMap(x -> s.cell("symbol").id(Symbol::of, "symbol"));
      Optional<AssetClass> assetClass = s.cell("asset_class").required()
          .flatMap(x -> s.cell("asset_class").id(AssetClass::of, "asset class name"));
      String group = s.cell("identical_group").text().orElse(null);
      List<Symbol> substitutes = new ArrayList<>();
      for (Cell c : s.cells("substitutes")) {
        Optional<Symbol> substitute = c.id(Symbol::of, "symbol");
        if (substitute.isPresent() && substitute.equals(symbol)) {
          c.fail("must not be the security itself");
        } else {
          substitute.ifPresent(substitutes::add);
        }
      }
      boolean restricted = s.cell("restricted").bool().orElse(false);
      if (symbol.isPresent()) {
        Integer first = seen.putIfAbsent(symbol.get(), s.cell("symbol").line());
        if (first != null) {
          s.cell("symbol").fail("is listed twice (first on line " + first + ")");
        }
      }
      if (problems.size() == before) {
        out.add(new Security(symbol.get(), assetClass.get(), group, substitutes, restricted, SourceRef.of(file, item.line())));
      }
    }
    return out;
  }
}
