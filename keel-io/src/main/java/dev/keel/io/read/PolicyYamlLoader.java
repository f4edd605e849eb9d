package dev.keel.io.read;

import dev.keel.core.policy.Band;
import dev.keel.core.policy.CheckCadence;
import dev.keel.core.policy.Policy;
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

  private static final Set<String> TOP = Set.of("targets", "bands", "band_overrides", "check", "last_checked", "securities");
  private static final Set<String> SECURITY = Set.of("symbol", "asset_class", "identical_group", "substitutes", "restricted", "name");
  private static final Set<String> BAND = Set.of("absolute", "relative");

  private PolicyYamlLoader() {}

  public static Loaded<Policy> load(String file, Reader reader) {
    Loaded<YamlNode> yaml = YamlReader.read(file, reader);
    if (yaml.value().isEmpty()) {
      return Loaded.failed(yaml.problems());
    }
    List<Problem> problems = new ArrayList<>(yaml.problems());
    YamlNode root = yaml.value().get();
    if (root.isNull()) {
      problems.add(Problem.ofFile(file, "is empty; expected targets, bands, check and securities"));
      return Loaded.failed(problems);
    }
    Optional<YamlMap> top = YamlMap.of(file, root, "policy", problems);
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
      for (Map.Entry<String, YamlNode> e : o.node().entries().entrySet()) {
        Optional<AssetClass> assetClass = className(file, e.getValue(), e.getKey(), problems);
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
    if (!problems.isEmpty() || band.isEmpty()) {
      return Loaded.failed(problems);
    }
    return Loaded.of(new Policy(targets, band.get(), overrides, cadence, lastChecked, SecurityMaster.of(securities)), problems);
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
    for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
      Optional<AssetClass> assetClass = className(file, e.getValue(), e.getKey(), problems);
      Optional<BigDecimal> weight = map.get().cell(e.getKey()).required().flatMap(x -> map.get().cell(e.getKey()).fraction());
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
