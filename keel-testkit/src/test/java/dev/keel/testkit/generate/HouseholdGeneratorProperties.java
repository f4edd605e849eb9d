package dev.keel.testkit.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.Account;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.portfolio.CrossCheck;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.time.api.Dates;

/**
 * Properties of {@link HouseholdGenerator} over seeds, sizes and dates: every household it makes
 * books without a problem and passes the cross-file checks (so tests and benchmarks built on it
 * measure real work, not error paths), has exactly the sizes asked for, and is a function of its
 * seed.
 */
class HouseholdGeneratorProperties {

  private static final HouseholdGenerator GENERATOR = HouseholdGenerator.DEFAULT;

  @Property(tries = 300)
  void generatedHouseholdsBookWithoutProblems(
      @ForAll long seed, @ForAll("settings") GeneratorSettings settings, @ForAll("dates") LocalDate asOf) {
    HouseholdData data = GENERATOR.generate(seed, settings, asOf);

    assertThat(HouseholdEngine.DEFAULT.check(data)).isEmpty();
    assertThat(CrossCheck.check(data)).isEmpty();
    // Every holding has a price on the as-of date and a check is due.
    assertThat(HouseholdEngine.DEFAULT.drift(data, asOf).checkDue()).isTrue();
  }

  @Property(tries = 200)
  void settingsAreRespected(
      @ForAll long seed, @ForAll("settings") GeneratorSettings settings, @ForAll("dates") LocalDate asOf) {
    HouseholdData data = GENERATOR.generate(seed, settings, asOf);

    assertThat(data.household().accounts()).hasSize(settings.accounts());
    assertThat(data.policy().securities().all()).hasSize(settings.securities());
    assertThat(data.policy().targets()).hasSize(settings.assetClasses());
    assertThat(data.openingLots()).hasSize(settings.lots());
    assertThat(data.transactions()).hasSize(settings.transactions());
    assertThat(data.policy().targets().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1");
    assertThat(data.policy().securities().all().stream().map(Security::assetClass).collect(Collectors.toSet()))
        .isEqualTo(data.policy().targets().keySet());
    assertThat(data.policy().targets().keySet()).doesNotContain(AssetClass.CASH);
    assertThat(data.openingLots()).allSatisfy(lot -> assertThat(lot.acquired().orElseThrow())
        .isAfterOrEqualTo(asOf.minusYears(settings.historyYears()))
        .isBefore(asOf.minusDays(44)));
    assertThat(data.transactions()).extracting(Transaction::date)
        .allSatisfy(date -> assertThat(date).isBetween(asOf.minusDays(44), asOf));
    assertThat(data.household().accounts()).extracting(Account::tradable).first().isEqualTo(true);
  }

  @Property(tries = 50)
  void sameSeedSameHousehold(
      @ForAll long seed, @ForAll("settings") GeneratorSettings settings, @ForAll("dates") LocalDate asOf) {
    HouseholdData first = GENERATOR.generate(seed, settings, asOf);
    HouseholdData second = GENERATOR.generate(seed, settings, asOf);

    assertThat(Households.contents(second, asOf)).isEqualTo(Households.contents(first, asOf));
  }

  @Provide
  Arbitrary<GeneratorSettings> settings() {
    Arbitrary<Integer> securities = Arbitraries.integers().between(GeneratorSettings.MIN_SECURITIES, GeneratorSettings.MAX_SECURITIES);
    return securities.flatMap(s -> Combinators.combine(
            Arbitraries.integers().between(1, GeneratorSettings.MAX_ACCOUNTS),
            Arbitraries.integers().between(GeneratorSettings.MIN_ASSET_CLASSES, Math.min(GeneratorSettings.MAX_ASSET_CLASSES, s)),
            Arbitraries.integers().between(1, GeneratorSettings.MAX_LOTS),
            Arbitraries.integers().between(0, 80),
            Arbitraries.integers().between(1, GeneratorSettings.MAX_HISTORY_YEARS))
        .as((accounts, classes, lots, transactions, years) -> new GeneratorSettings(accounts, s, classes, lots, transactions, years)));
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Dates.dates().between(LocalDate.of(2010, 1, 1), LocalDate.of(2040, 12, 31));
  }
}
