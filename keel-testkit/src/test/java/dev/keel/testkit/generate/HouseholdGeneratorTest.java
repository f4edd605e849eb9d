package dev.keel.testkit.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.drift.DriftReport;
import dev.keel.core.household.Account;
import dev.keel.core.household.AccountType;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.money.Decimals;
import dev.keel.core.policy.Band;
import dev.keel.core.policy.CheckCadence;
import dev.keel.core.policy.Policy;
import dev.keel.core.portfolio.CrossCheck;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseholdGeneratorTest {

  private static final HouseholdGenerator GENERATOR = HouseholdGenerator.DEFAULT;
  private static final HouseholdEngine ENGINE = HouseholdEngine.DEFAULT;
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
  private static final List<HouseholdData> TYPICAL =
      LongStream.range(0, 40).mapToObj(seed -> GENERATOR.generate(seed, AS_OF)).toList();

  @Test
  void test_generate_typical_hasTheTypicalSizes() {
    for (HouseholdData data : TYPICAL) {
      assertThat(data.household().accounts()).hasSize(4);
      assertThat(data.policy().securities().all()).hasSize(15);
      assertThat(data.policy().targets()).hasSize(4);
      assertThat(data.openingLots()).hasSize(300);
      assertThat(data.transactions()).hasSize(12);
    }
  }

  @Test
  void test_generate_typical_booksWithoutProblems() {
    for (HouseholdData data : TYPICAL) {
      assertThat(ENGINE.check(data)).isEmpty();
      assertThat(CrossCheck.check(data)).isEmpty();
      assertThat(ENGINE.drift(data, AS_OF).totalValue()).isPositive();
    }
  }

  @Test
  void test_generate_fourAccounts_oneOfEveryType() {
    for (HouseholdData data : TYPICAL) {
      assertThat(data.household().accounts()).extracting(Account::type)
          .containsExactlyInAnyOrder(AccountType.TAXABLE, AccountType.TRADITIONAL, AccountType.ROTH, AccountType.HSA);
      assertThat(data.household().accounts()).allMatch(Account::tradable);
      assertThat(data.household().accounts().get(0).type()).isEqualTo(AccountType.TAXABLE);
    }
  }

  @Test
  void test_generate_manyAccounts_spouseTaxableAndSometimesHeldAway() {
    List<HouseholdData> big = LongStream.range(0, 40)
        .mapToObj(seed -> GENERATOR.generate(seed, GeneratorSettings.typical().withAccounts(8), AS_OF)).toList();

    // A couple's fifth account is the spouse's own taxable account (unless it is held away).
    assertThat(big).anyMatch(d -> d.household().members().size() == 2
        && d.household().accounts().stream().filter(a -> a.taxable() && a.tradable()).count() == 2);
    assertThat(big).anyMatch(d -> d.household().accounts().stream().anyMatch(a -> !a.tradable()));
    assertThat(big).anyMatch(d -> d.policy().securities().all().stream().anyMatch(Security::restricted));
    for (HouseholdData data : big) {
      assertThat(data.household().accounts()).hasSize(8);
      assertThat(ENGINE.check(data)).isEmpty();
      // Nothing moves in a held-away account; restricted company stock is held only there.
      Set<String> away = data.household().accounts().stream().filter(a -> !a.tradable()).map(a -> a.id().value())
          .collect(Collectors.toSet());
      assertThat(data.transactions()).noneMatch(t -> away.contains(t.account().value()));
      for (OpeningLot lot : data.openingLots()) {
        boolean restricted = data.policy().securities().get(lot.symbol()).restricted();
        if (restricted) {
          assertThat(away).contains(lot.account().value());
        }
      }
    }
  }

  @Test
  void test_generate_targets_sumToExactlyOneWithTwoToFourDecimals() {
    for (HouseholdData data : TYPICAL) {
      Map<AssetClass, BigDecimal> targets = data.policy().targets();
      BigDecimal sum = targets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

      assertThat(sum).isEqualByComparingTo("1");
      assertThat(targets.values()).allSatisfy(t -> {
        assertThat(t).isPositive();
        assertThat(t.scale()).isBetween(2, 4);
      });
      assertThat(targets.keySet()).extracting(AssetClass::value).startsWith("us_stocks", "intl_stocks", "bonds");
    }
  }

  @Test
  void test_generate_policy_fiveTwentyFiveQuarterlyAndACheckIsDue() {
    for (HouseholdData data : TYPICAL) {
      Policy policy = data.policy();

      assertThat(policy.band()).isEqualTo(Band.of("0.05", "0.25"));
      assertThat(policy.cadence()).isEqualTo(CheckCadence.QUARTERLY);
      assertThat(policy.lastChecked()).isPresent();
      assertThat(policy.checkDue(AS_OF)).isTrue();
      assertThat(policy.bandOverrides()).hasSizeLessThanOrEqualTo(1);
    }
    assertThat(TYPICAL).anyMatch(d -> !d.policy().bandOverrides().isEmpty());
    assertThat(TYPICAL).anyMatch(d -> d.policy().bandOverrides().isEmpty());
  }

  @Test
  void test_generate_securities_identicalGroupsAndSubstitutes() {
    for (HouseholdData data : TYPICAL) {
      SecurityMaster master = data.policy().securities();
      Map<AssetClass, List<Security>> byClass =
          master.all().stream().collect(Collectors.groupingBy(Security::assetClass));

      assertThat(byClass.keySet()).isEqualTo(data.policy().targets().keySet());
      for (Security security : master.all()) {
        assertThat(Symbol.isValid(security.symbol().value())).isTrue();
        for (Symbol substitute : security.substitutes()) {
          // A substitute is in the same class and not substantially identical: buying it does not wash.
          assertThat(master.assetClassOf(substitute)).isEqualTo(security.assetClass());
          assertThat(master.substantiallyIdentical(substitute, security.symbol())).isFalse();
        }
        if (!security.identicalGroup().startsWith("=")) {
          assertThat(master.all()).filteredOn(s -> s.identicalGroup().equals(security.identicalGroup())).hasSizeGreaterThan(1);
        }
      }
    }
    assertThat(TYPICAL).anyMatch(d -> d.policy().securities().all().stream().anyMatch(s -> !s.identicalGroup().startsWith("=")));
    assertThat(TYPICAL).allMatch(d -> d.policy().securities().all().stream().anyMatch(s -> !s.substitutes().isEmpty()));
  }

  @Test
  void test_generate_openingLots_realisticMix() {
    LocalDate windowStart = AS_OF.minusDays(44);
    for (HouseholdData data : TYPICAL) {
      List<OpeningLot> lots = data.openingLots();

      assertThat(lots).allSatisfy(lot -> {
        assertThat(lot.acquired()).isPresent();
        assertThat(lot.acquired().get()).isBefore(windowStart).isAfterOrEqualTo(AS_OF.minusYears(10));
        assertThat(lot.acquired().get().getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
        assertThat(lot.lotId()).isPresent();
        assertThat(lot.costBasis().scale()).isEqualTo(2);
      });
      assertThat(lots).extracting(l -> l.lotId().orElseThrow()).doesNotHaveDuplicates();
      // Short-term, and turning long-term within 30 days (acquired between a year and 11 months ago).
      assertThat(lots).anyMatch(l -> l.acquired().get().isAfter(AS_OF.minusYears(1)));
      assertThat(lots).anyMatch(l -> nearLongTerm(l.acquired().get()));
      assertThat(lots).anyMatch(l -> l.quantity().stripTrailingZeros().scale() > 0);
      assertThat(lots).anyMatch(l -> l.quantity().stripTrailingZeros().scale() <= 0);
      assertThat(lots).anyMatch(atA(data, Loss.LOSS));
      assertThat(lots).anyMatch(atA(data, Loss.GAIN));
    }
    assertThat(TYPICAL).anyMatch(d -> d.openingLots().stream().anyMatch(OpeningLot::inherited));
  }

  private static boolean nearLongTerm(LocalDate acquired) {
    LocalDate longTermFrom = acquired.plusYears(1).plusDays(1);
    return longTermFrom.isAfter(AS_OF) && !longTermFrom.isAfter(AS_OF.plusDays(30));
  }

  private enum Loss { LOSS, GAIN }

  private static Predicate<OpeningLot> atA(HouseholdData data, Loss which) {
    return lot -> {
      BigDecimal value = lot.quantity().multiply(data.prices().get(lot.symbol(), AS_OF));
      int cmp = value.compareTo(lot.costBasis());
      return which == Loss.LOSS ? cmp < 0 : cmp > 0;
    };
  }

  @Test
  void test_generate_transactions_inTheWashSaleWindowAndOfEveryKind() {
    for (HouseholdData data : TYPICAL) {
      assertThat(data.transactions()).allSatisfy(t -> {
        assertThat(t.date()).isBetween(AS_OF.minusDays(44), AS_OF);
        assertThat(t.date().getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
      });
      assertThat(data.transactions()).isSortedAccordingTo((a, b) -> a.date().compareTo(b.date()));
    }
    List<Transaction> all = TYPICAL.stream().flatMap(d -> d.transactions().stream()).toList();
    assertThat(all).extracting(Transaction::action).contains(Action.BUY, Action.SELL, Action.REINVEST, Action.DIVIDEND);
    // Reinvested dividends land in tax-advantaged accounts only.
    for (HouseholdData data : TYPICAL) {
      for (Transaction t : data.transactions()) {
        if (t.action() == Action.REINVEST) {
          assertThat(data.household().getAccount(t.account()).type().taxAdvantaged()).isTrue();
        }
      }
    }
  }

  @Test
  void test_generate_booked_lossSalesInTaxableAccountsAndWashSales() {
    int withTaxableLoss = 0;
    int withWashSale = 0;
    int withPermanentWash = 0;
    for (HouseholdData data : TYPICAL) {
      LedgerResult books = ENGINE.books(data, Optional.empty(), AS_OF.getYear());
      if (books.disposals().stream().anyMatch(d -> d.taxable() && d.proceeds().compareTo(d.costBasis()) < 0)) {
        withTaxableLoss++;
      }
      if (!books.washSales().isEmpty()) {
        withWashSale++;
      }
      if (books.washSales().stream().anyMatch(w -> w.permanent())) {
        withPermanentWash++;
      }
    }
    assertThat(withTaxableLoss).isGreaterThanOrEqualTo(30);
    assertThat(withWashSale).isGreaterThanOrEqualTo(5);
    assertThat(withPermanentWash).isGreaterThanOrEqualTo(1);
  }

  @Test
  void test_generate_drift_breachesSometimesNotAlways() {
    List<DriftReport> reports = TYPICAL.stream().map(d -> ENGINE.drift(d, AS_OF)).toList();

    assertThat(reports).allMatch(DriftReport::checkDue);
    assertThat(reports).anyMatch(DriftReport::rebalanceNeeded);
    assertThat(reports).allSatisfy(r -> assertThat(Decimals.ratio(r.cash(), r.totalValue())).isLessThan(new BigDecimal("0.2")));
  }

  @Test
  void test_generate_sameSeed_equalHouseholds() {
    GeneratorSettings settings = new GeneratorSettings(7, 23, 5, 420, 30, 6);

    HouseholdData first = GENERATOR.generate(99, settings, AS_OF);
    HouseholdData second = GENERATOR.generate(99, settings, AS_OF);

    assertThat(Households.contents(second, AS_OF)).isEqualTo(Households.contents(first, AS_OF));
  }

  @Test
  void test_generate_otherSeed_otherHousehold() {
    assertThat(Households.contents(GENERATOR.generate(1, AS_OF), AS_OF))
        .isNotEqualTo(Households.contents(GENERATOR.generate(2, AS_OF), AS_OF));
  }

  @Test
  void test_generate_moreLots_samePolicyAndPrices() {
    // Each part draws from its own stream: the number of lots changes neither policy nor prices.
    HouseholdData few = GENERATOR.generate(5, GeneratorSettings.typical().withLots(10), AS_OF);
    HouseholdData many = GENERATOR.generate(5, GeneratorSettings.typical().withLots(900), AS_OF);

    assertThat(Households.policyContents(many)).isEqualTo(Households.policyContents(few));
    assertThat(Households.prices(many, AS_OF)).isEqualTo(Households.prices(few, AS_OF));
    assertThat(many.household()).isEqualTo(few.household());
  }

  @Test
  void test_generate_smallest_books() {
    GeneratorSettings smallest = new GeneratorSettings(1, 5, 3, 1, 0, 1);

    for (long seed = 0; seed < 20; seed++) {
      HouseholdData data = GENERATOR.generate(seed, smallest, AS_OF);

      assertThat(data.household().accounts()).hasSize(1);
      assertThat(data.openingLots()).hasSize(1);
      assertThat(data.transactions()).isEmpty();
      assertThat(ENGINE.check(data)).isEmpty();
    }
  }

  @Test
  void test_generate_largest_books() {
    GeneratorSettings largest = new GeneratorSettings(8, 30, 6, 1_000, 500, 10);

    HouseholdData data = GENERATOR.generate(3, largest, AS_OF);

    assertThat(data.openingLots()).hasSize(1_000);
    assertThat(data.transactions()).hasSize(500);
    assertThat(data.policy().securities().all()).hasSize(30);
    assertThat(ENGINE.check(data)).isEmpty();
    assertThat(CrossCheck.check(data)).isEmpty();
  }

  @Test
  void test_typical_isTheBenchmarkHousehold() {
    assertThat(GeneratorSettings.typical()).isEqualTo(new GeneratorSettings(4, 15, 4, 300, 12, 10));
  }

  @ParameterizedTest
  @CsvSource({
      "0, 15, 4, 300, 12, 10, accounts",
      "9, 15, 4, 300, 12, 10, accounts",
      "4, 4, 3, 300, 12, 10, securities",
      "4, 31, 4, 300, 12, 10, securities",
      "4, 15, 2, 300, 12, 10, assetClasses",
      "4, 15, 7, 300, 12, 10, assetClasses",
      "4, 5, 6, 300, 12, 10, assetClasses",
      "4, 15, 4, 0, 12, 10, lots",
      "4, 15, 4, 1001, 12, 10, lots",
      "4, 15, 4, 300, -1, 10, transactions",
      "4, 15, 4, 300, 501, 10, transactions",
      "4, 15, 4, 300, 12, 0, historyYears",
      "4, 15, 4, 300, 12, 11, historyYears",
  })
  void test_settings_outOfBounds_namesTheArgument(
      int accounts, int securities, int classes, int lots, int transactions, int years, String argument) {
    assertThatThrownBy(() -> new GeneratorSettings(accounts, securities, classes, lots, transactions, years))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(argument + " must");
  }
}
