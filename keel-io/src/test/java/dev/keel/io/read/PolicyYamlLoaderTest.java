package dev.keel.io.read;

import static dev.keel.io.read.Fixtures.load;
import static dev.keel.io.read.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.policy.Band;
import dev.keel.core.policy.ClassYield;
import dev.keel.core.policy.CheckCadence;
import dev.keel.core.policy.Policy;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests {@link PolicyYamlLoader} with one fixture file per case under src/test/resources/policy. */
class PolicyYamlLoaderTest {

  private static Loaded<Policy> policy(String fixture) {
    return load(PolicyYamlLoader::load, "policy.yaml", "policy/" + fixture);
  }

  private static AssetClass c(String name) {
    return AssetClass.of(name);
  }

  @Test
  void test_load_good() {
    Loaded<Policy> loaded = policy("good.yaml");

    assertThat(loaded.problems()).isEmpty();
    Policy p = loaded.value().orElseThrow();
    assertThat(p.targets().keySet()).containsExactly(c("us_stocks"), c("intl_stocks"), c("bonds"), c("reits"));
    assertThat(p.targets().get(c("us_stocks"))).isEqualTo(new BigDecimal("0.50"));
    assertThat(p.band()).isEqualTo(Band.of("0.05", "0.25"));
    // An override replaces only the keys it gives (docs/formats.md): the others are the policy's.
    assertThat(p.bandFor(c("reits"))).isEqualTo(Band.of("0.02", "0.25"));
    assertThat(p.bandFor(c("bonds"))).isEqualTo(Band.of("0.05", "0.20")); // "Bonds" is bonds
    assertThat(p.bandFor(c("us_stocks"))).isEqualTo(p.band());
    assertThat(p.cadence()).isEqualTo(CheckCadence.MONTHLY);
    assertThat(p.lastChecked()).contains(LocalDate.of(2026, 8, 15));
    assertThat(p.nextCheck()).contains(LocalDate.of(2026, 9, 15));

    assertThat(p.securities().all()).extracting(s -> s.symbol().value())
        .containsExactly("VOO", "VTI", "ITOT", "SCHB", "VXUS", "BND", "VNQ", "ACME");
    Security voo = p.securities().get(Symbol.of("VOO"));
    assertThat(voo.identicalGroup()).isEqualTo("sp500");
    assertThat(voo.substitutes()).containsExactly(Symbol.of("VTI"));
    assertThat(voo.source().toString()).isEqualTo("policy.yaml:18");
    Security vti = p.securities().get(Symbol.of("VTI")); // "vti" upper-cased
    assertThat(vti.assetClass()).isEqualTo(c("us_stocks")); // "US_Stocks" lower-cased
    assertThat(vti.substitutes()).containsExactly(Symbol.of("ITOT"), Symbol.of("SCHB"));
    assertThat(p.securities().substantiallyIdentical(Symbol.of("VTI"), Symbol.of("ITOT"))).isFalse();
    assertThat(p.securities().get(Symbol.of("ACME")).restricted()).isTrue();
    assertThat(p.securities().get(Symbol.of("VNQ")).restricted()).isFalse();
  }

  @Test
  void test_load_minimal_defaults() {
    Loaded<Policy> loaded = policy("good-minimal.yaml");

    assertThat(loaded.problems()).isEmpty();
    Policy p = loaded.value().orElseThrow();
    assertThat(p.band()).isEqualTo(Band.of(null, "0.25"));
    assertThat(p.bandOverrides()).isEmpty();
    assertThat(p.cadence()).isEqualTo(CheckCadence.QUARTERLY);
    assertThat(p.lastChecked()).isEmpty();
    assertThat(p.checkDue(LocalDate.of(2026, 1, 1))).isTrue();
  }

  @Test
  void test_load_yields_givenOrDefault() {
    Loaded<Policy> loaded = policy("good-yields.yaml");

    assertThat(loaded.problems()).isEmpty();
    var r = loaded.value().orElseThrow().rebalance();
    assertThat(r.locationHorizon()).isEqualTo(5);
    assertThat(r.yieldOf(c("bonds"))).isEqualTo(ClassYield.of("0.045", "0", "0")); // keys not given are 0
    assertThat(r.yieldOf(c("munis"))).isEqualTo(ClassYield.NONE);
    assertThat(r.yieldOf(c("us_stocks"))).isEqualTo(ClassYield.of("0", "0.015", "0")); // Keel's default
  }

  @Test
  void test_load_yields_absent_defaults() {
    var r = policy("good-minimal.yaml").value().orElseThrow().rebalance();

    assertThat(r.locationHorizon()).isEqualTo(10);
    assertThat(r.yields()).isEmpty();
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("bad-targets-sum.yaml", List.of(
            "policy.yaml:2: targets: sum to 0.97; expected 1")),
        Arguments.of("bad-targets.yaml", List.of(
            "policy.yaml:2: targets.us_stocks: \"50\" must be a fraction between 0 and 1 (0.25 for 25%)",
            "policy.yaml:4: targets: \"bonds\" is the asset class bonds again (first on line 3; names ignore case)",
            "policy.yaml:5: asset class: \"bad class!\" is not a valid asset class name (letters, digits, '_', '-')",
            "policy.yaml:6: targets.gold: is missing")),
        Arguments.of("bad-unknown-keys.yaml", List.of(
            "policy.yaml:7: chek: is not a known setting; expected one of targets, bands, band_overrides, check, last_checked, "
                + "securities, rebalance_to, location, min_trade, fractional, restricted_lots, transaction_cost, harvest, yields, "
                + "location_horizon, prices, execution",
            "policy.yaml:6: bands.relativ: is not a known setting; expected one of absolute, relative",
            "policy.yaml:11: securities[0].asset_clas: is not a known setting; expected one of symbol, asset_class, "
                + "identical_group, substitutes, restricted, name")),
        Arguments.of("bad-bands.yaml", List.of(
            "policy.yaml:5: bands.absolute: \"5\" must be a fraction between 0 and 1 (0.25 for 25%)",
            "policy.yaml:8: band_overrides: \"gold\" is not an asset class of targets",
            "policy.yaml:9: band_overrides.bonds: needs absolute and/or relative, e.g. {absolute: 0.05, relative: 0.25}",
            "policy.yaml:13: band_overrides: \"Stocks\" is the asset class stocks again (first on line 11; names ignore case)",
            "policy.yaml:14: check: \"fortnightly\" is not one of daily, weekly, monthly, quarterly, annually",
            "policy.yaml:15: last_checked: \"2026-02-30\" is not a date; expected YYYY-MM-DD")),
        Arguments.of("bad-securities.yaml", List.of(
            "policy.yaml:9: securities[0].substitutes: \"VTI\" must not be the security itself",
            "policy.yaml:10: securities[1].asset_class: is missing",
            "policy.yaml:11: securities[2].symbol: \"VTI\" is listed twice (first on line 7)",
            "policy.yaml:15: securities[3].restricted: \"perhaps\" is not true or false",
            "policy.yaml:16: securities[4]: \"just a string\" must be a mapping of key: value")),
        Arguments.of("bad-missing.yaml", List.of(
            "policy.yaml:1: targets: is missing; give a weight per asset class, summing to 1",
            "policy.yaml:1: bands: is missing; e.g. bands: {absolute: 0.05, relative: 0.25}",
            "policy.yaml:1: securities: is missing; list every security with its asset_class")),
        Arguments.of("bad-syntax.yaml", List.of(
            "policy.yaml:5: is not valid YAML: expected ',' or '}', but got : (column 11, while parsing a flow mapping started on line 4)")),
        Arguments.of("bad-yields.yaml", List.of(
            "policy.yaml:10: yields.bonds.qualifed: is not a known setting; expected one of ordinary, qualified, foreign_tax",
            "policy.yaml:9: yields.bonds.ordinary: \"0.45\" must be a yearly yield between 0 and 0.20 (0.04 for 4%)",
            "policy.yaml:12: yields: \"gold\" is not an asset class of targets",
            "policy.yaml:6: location_horizon: \"50\" must be a whole number of years from 0 to 30")),
        Arguments.of("bad-duplicate-key.yaml", List.of(
            "policy.yaml:6: bands.absolute: appears twice (first on line 5)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void test_load_bad_everyProblemWithItsLine(String fixture, List<String> expected) {
    Loaded<Policy> loaded = policy(fixture);

    assertThat(messages(loaded)).containsExactlyElementsOf(expected);
    assertThat(loaded.value()).isEmpty();
  }
}
