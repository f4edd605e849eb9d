package dev.keel.io.read;

import static dev.keel.io.read.Fixtures.load;
import static dev.keel.io.read.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.Account;
import dev.keel.core.household.AccountType;
import dev.keel.core.household.BasisReporting;
import dev.keel.core.tax.FilingStatus;
import dev.keel.core.household.Household;
import dev.keel.core.household.LotMethod;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.tax.MarginalRates;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests {@link HouseholdYamlLoader} with one fixture file per case under src/test/resources/household. */
class HouseholdYamlLoaderTest {

  private static Loaded<Household> household(String fixture) {
    return load(HouseholdYamlLoader::load, "household.yaml", "household/" + fixture);
  }

  @Test
  void test_load_good_everyKey() {
    Loaded<Household> loaded = household("good.yaml");

    assertThat(loaded.problems()).isEmpty();
    Household h = loaded.value().orElseThrow();
    assertThat(h.name()).isEqualTo("Rivera household");
    assertThat(h.members()).containsExactly("Alex", "Sam");
    assertThat(h.source().toString()).isEqualTo("household.yaml:2");

    TaxSettings tax = h.tax();
    assertThat(tax.filingStatus()).isEqualTo(FilingStatus.MARRIED_JOINT);
    assertThat(tax.rates()).contains(MarginalRates.of("0.35", "0.20"));
    assertThat(tax.ordinaryIncome()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("285000"));
    assertThat(tax.deduction()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("32000"));
    assertThat(tax.stateRate()).isEqualByComparingTo("0.05");
    assertThat(tax.shortTermCarryforward()).isEqualByComparingTo("0");
    assertThat(tax.longTermCarryforward()).isEqualByComparingTo("1200");
    assertThat(tax.carryforwardInto()).contains(2026);
    assertThat(tax.itemize()).isFalse();
    assertThat(tax.allowShortTermGains()).isFalse();
    assertThat(tax.longTermSoonDays()).isEqualTo(45);
    assertThat(tax.maxNetGains()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("15000"));

    assertThat(h.accounts()).extracting(a -> a.id().value()).containsExactly("joint", "alex-401k", "alex-rsu");
    Account joint = h.accounts().get(0);
    assertThat(joint.type()).isEqualTo(AccountType.TAXABLE);
    assertThat(joint.owners()).containsExactly("Alex", "Sam");
    assertThat(joint.custodian()).isEqualTo("Vanguard");
    assertThat(joint.lotMethod()).isEqualTo(LotMethod.MIN_TAX);
    assertThat(joint.tradable()).isTrue();
    assertThat(joint.cash()).isEqualTo("4200.50"); // exactly as written
    assertThat(joint.reserve()).isEqualByComparingTo("2000"); // "$2000"
    assertThat(joint.source().toString()).isEqualTo("household.yaml:20");
    assertThat(joint.basisReporting()).isEqualTo(BasisReporting.REPORTED);
    assertThat(h.accounts().get(2).basisReporting()).isEqualTo(BasisReporting.NOT_REPORTED);

    Account k401 = h.accounts().get(1);
    assertThat(k401.type()).isEqualTo(AccountType.TRADITIONAL); // "401k"
    assertThat(k401.owners()).containsExactly("Alex"); // a single owner without brackets
    assertThat(k401.lotMethod()).isEqualTo(LotMethod.FIFO); // default
    assertThat(k401.cash()).isEqualByComparingTo("0");

    Account rsu = h.accounts().get(2);
    assertThat(rsu.type()).isEqualTo(AccountType.TAXABLE); // "brokerage"
    assertThat(rsu.owners()).containsExactly("Alex"); // block list
    assertThat(rsu.custodian()).isEqualTo("Morgan Stanley at Work");
    assertThat(rsu.lotMethod()).isEqualTo(LotMethod.SPECIFIC); // any case
    assertThat(rsu.tradable()).isFalse(); // "no"
  }

  @Test
  void test_load_minimal_defaults() {
    Loaded<Household> loaded = household("good-minimal.yaml");

    assertThat(loaded.problems()).isEmpty();
    Household h = loaded.value().orElseThrow();
    assertThat(h.tax().filingStatus()).isEqualTo(FilingStatus.SINGLE);
    assertThat(h.tax().rates()).isEmpty();
    assertThat(h.tax().ordinaryIncome()).isEmpty();
    assertThat(h.tax().deduction()).isEmpty();
    assertThat(h.tax().stateRate()).isEqualByComparingTo("0");
    assertThat(h.tax().longTermSoonDays()).isEqualTo(30);
    assertThat(h.tax().maxNetGains()).isEmpty();
    Account account = h.accounts().get(0);
    assertThat(account.owners()).isEmpty();
    assertThat(account.lotMethod()).isEqualTo(LotMethod.FIFO);
    assertThat(account.tradable()).isTrue();
    assertThat(account.cash()).isEqualByComparingTo("0");
    assertThat(account.reserve()).isEqualByComparingTo("0");
  }

  @Test
  void test_load_crlfAndByteOrderMark() {
    Loaded<Household> loaded = household("good-crlf-bom.yaml");

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.value().orElseThrow().name()).isEqualTo("Pat");
    assertThat(loaded.value().orElseThrow().accounts().get(0).source().line()).isEqualTo(6);
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("empty.yaml", List.of(
            "household.yaml: is empty; expected name, members, tax and accounts")),
        Arguments.of("bad-syntax.yaml", List.of(
            "household.yaml:3: is not valid YAML: expected ',' or ']', but got : (column 4, while parsing a flow sequence started on line 2)")),
        Arguments.of("bad-tab.yaml", List.of( // the tab is on line 6, not where Jackson's parser stood
            "household.yaml:6: is not valid YAML: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation) (column 1)")),
        Arguments.of("bad-duplicate-key.yaml", List.of(
            "household.yaml:3: name: appears twice (first on line 1)")),
        Arguments.of("bad-unknown-keys.yaml", List.of(
            "household.yaml:3: email: is not a known setting; expected one of name, members, tax, accounts",
            "household.yaml:6: tax.incme: is not a known setting; expected one of filing_status, rates, income, deduction, "
                + "state_rate, carryforward, allow_short_term_gains, long_term_soon_days, max_net_gains, itemize, income_includes_espp",
            "household.yaml:10: accounts[0].lot_metod: is not a known setting; expected one of id, type, owners, custodian, "
                + "lot_method, tradable, cash, reserve, name, account_number, basis_reported, available, broker, broker_account, "
                + "broker_lot_method, broker_settled_cash")),
        Arguments.of("bad-accounts.yaml", List.of(
            "household.yaml:4: tax.filing_status: \"married_jointly\" is not one of single, married_joint, married_separate, head_of_household",
            "household.yaml:10: accounts[1].type: \"pension\" is not one of taxable, traditional, roth, hsa (or ira, 401k, 403b, sep, roth_ira)",
            "household.yaml:11: accounts[2].id: \"joint\" is a duplicate account id (first on line 6)",
            "household.yaml:15: accounts[3].owners: \"Pat\" is not one of the members (Alex, Sam)",
            "household.yaml:16: accounts[3].cash: \"-50\" must not be negative",
            "household.yaml:17: accounts[4].id: \"sam ira\" is not a valid account id (letters, digits, '.', '_', '-')",
            "household.yaml:19: accounts[4].lot_method: \"newest\" is not one of fifo, lifo, hifo, min_tax, specific",
            "household.yaml:20: accounts[4].tradable: \"maybe\" is not true or false")),
        Arguments.of("bad-tax.yaml", List.of(
            "household.yaml:6: tax.rates.short_term: \"35\" must be a fraction between 0 and 1 (0.25 for 25%)",
            "household.yaml:6: tax.rates.long_term: is missing",
            "household.yaml:7: tax.income: \"lots\" is not a number",
            "household.yaml:8: tax.state_rate: \"1.5\" must be a fraction between 0 and 1 (0.25 for 25%)",
            "household.yaml:10: tax.carryforward.long_term: \"-10\" must not be negative",
            "household.yaml:12: tax.allow_short_term_gains: \"sometimes\" is not true or false",
            "household.yaml:11: tax.long_term_soon_days: \"2.5\" is not a whole number")),
        Arguments.of("bad-shape.yaml", List.of(
            "household.yaml:1: household: \"[...]\" must be a mapping of key: value")),
        Arguments.of("bad-no-accounts.yaml", List.of(
            "household.yaml:1: accounts: is missing; list at least one account")),
        Arguments.of("bad-empty-accounts.yaml", List.of(
            "household.yaml:5: accounts: is empty; list at least one account")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void test_load_bad_everyProblemWithItsLine(String fixture, List<String> expected) {
    Loaded<Household> loaded = household(fixture);

    assertThat(messages(loaded)).containsExactlyElementsOf(expected);
    assertThat(loaded.value()).isEmpty();
  }

  @Test
  void test_load_keyWithDots_notTakenForAKnownKey() {
    // "rates.income" ends in a known key of tax, but is not one: it is reported, never silently ignored.
    String yaml = "name: X\ntax:\n  filing_status: single\n  rates.income: 5\naccounts:\n  - id: a\n    type: taxable\n";

    Loaded<Household> loaded = Fixtures.loadText(HouseholdYamlLoader::load, "household.yaml", yaml);

    assertThat(messages(loaded)).singleElement().asString().startsWith("household.yaml:4: tax.rates.income: is not a known setting");
  }

  @Test
  void test_load_unknownKeyMessage_sameOrderEveryRun() {
    // The expected keys are listed in the documented order, not in a hash order that changes between JVM runs.
    assertThat(messages(household("bad-unknown-keys.yaml")).get(0))
        .endsWith("expected one of name, members, tax, accounts");
  }

  /** Issue 8 item 8: a carryforward enters one year; the old form without it says what to write. */
  @Test
  void test_load_carryforwardWithoutYear_problemSaysWhatToWrite() {
    String yaml = "name: X\ntax:\n  filing_status: single\n  carryforward:\n    long_term: 1200\n"
        + "accounts:\n  - id: a\n    type: taxable\n";

    Loaded<Household> loaded = Fixtures.loadText(HouseholdYamlLoader::load, "household.yaml", yaml);

    assertThat(messages(loaded)).singleElement().asString()
        .startsWith("household.yaml:5: tax.carryforward.into: is missing; say which tax year this carryforward enters,"
            + " e.g. 'into: 2025'");
  }

  @Test
  void test_load_carryforwardOfZeroWithoutYear_accepted() {
    String yaml = "name: X\ntax:\n  filing_status: single\n  carryforward:\n    long_term: 0\n"
        + "accounts:\n  - id: a\n    type: taxable\n";

    Loaded<Household> loaded = Fixtures.loadText(HouseholdYamlLoader::load, "household.yaml", yaml);

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.value().orElseThrow().tax().carryforwardInto()).isEmpty();
  }

  @Test
  void test_load_carryforwardYearOutOfRange_andItemizeWithoutDeduction_andBadBasisReported_allReported() {
    String yaml = "name: X\ntax:\n  filing_status: single\n  itemize: true\n  carryforward:\n    into: 25\n"
        + "    long_term: 10\naccounts:\n  - id: a\n    type: taxable\n    basis_reported: maybe\n";

    Loaded<Household> loaded = Fixtures.loadText(HouseholdYamlLoader::load, "household.yaml", yaml);

    assertThat(messages(loaded)).containsExactlyInAnyOrder(
        "household.yaml:6: tax.carryforward.into: \"25\" must be a tax year between 1990 and 2100",
        "household.yaml:4: tax.itemize: \"true\" needs tax.deduction (the itemized deduction to take)",
        "household.yaml:11: accounts[0].basis_reported: \"maybe\" is not one of true (Form 1099-B reports basis to the IRS),"
            + " false, or no_1099b");
  }

  @Test
  void test_load_itemizeWithDeduction() {
    String yaml = "name: X\ntax:\n  filing_status: married_separate\n  deduction: 4000\n  itemize: yes\n"
        + "accounts:\n  - id: a\n    type: taxable\n    basis_reported: no_1099b\n";

    Household h = Fixtures.loadText(HouseholdYamlLoader::load, "household.yaml", yaml).value().orElseThrow();

    assertThat(h.tax().itemize()).isTrue();
    assertThat(h.accounts().get(0).basisReporting()).isEqualTo(BasisReporting.NO_1099B);
  }
}
