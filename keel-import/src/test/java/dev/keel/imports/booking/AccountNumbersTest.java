package dev.keel.imports.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountId;
import dev.keel.io.read.Loaded;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountNumbersTest {

  private final AccountNumbers numbers = AccountNumbers.of(Map.of(
      AccountId.of("joint"), "6789", AccountId.of("roth"), "234567890", AccountId.of("ira"), "X88-776655"));

  @Test
  void a_whole_number_matches_the_last_digits_given_in_household_yaml() {
    assertThat(numbers.match("Z23456789")).containsExactly(AccountId.of("joint"));
  }

  @Test
  void a_masked_number_matches_the_whole_number_given_in_household_yaml() {
    assertThat(numbers.match("...7890")).containsExactly(AccountId.of("roth"));
    assertThat(numbers.match("XXXX6655")).containsExactly(AccountId.of("ira"));
  }

  @Test
  void an_unknown_number_matches_nothing_and_an_ambiguous_one_several() {
    assertThat(numbers.match("5550001234")).isEmpty();
    AccountNumbers two = AccountNumbers.of(Map.of(AccountId.of("a"), "11112222", AccountId.of("b"), "99992222"));
    assertThat(two.match("2222")).containsExactly(AccountId.of("a"), AccountId.of("b"));
  }

  @Test
  void reads_account_numbers_and_refuses_short_ones() {
    String yaml = "name: x\naccounts:\n  - id: a\n    type: taxable\n    account_number: \"0042\"\n"
        + "  - id: b\n    type: roth\n    account_number: 12\n  - id: c\n    type: roth\n";
    Loaded<AccountNumbers> read = AccountNumbers.read("household.yaml", new StringReader(yaml));
    assertThat(read.value().orElseThrow().numberOf(AccountId.of("a"))).contains("0042");
    assertThat(read.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(8);
      assertThat(p.value()).isEqualTo("12");
    });
  }
}
