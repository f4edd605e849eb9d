package dev.keel.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountId;
import dev.keel.core.household.Household;
import dev.keel.core.household.LotMethod;
import dev.keel.io.read.HouseholdYamlLoader;
import dev.keel.io.read.Loaded;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerLinksLoaderTest {

  static final String YAML = """
      name: T
      members: [Pat]
      accounts:
        - id: joint
          type: taxable
          lot_method: hifo
          broker: alpaca
          broker_account: PA123
          broker_lot_method: fifo
        - id: ira
          type: ira
          broker: file
          broker_settled_cash: true
        - id: hsa
          type: hsa
      """;

  @Test
  void test_links_and_the_lot_method_warning() {
    Household household = HouseholdYamlLoader.load("household.yaml", new StringReader(YAML)).value().orElseThrow();

    Loaded<Map<AccountId, BrokerLink>> links = BrokerLinksLoader.load("household.yaml", new StringReader(YAML), household);

    assertThat(links.ok()).isTrue();
    BrokerLink joint = links.value().get().get(AccountId.of("joint"));
    assertThat(joint.kind()).isEqualTo(BrokerKind.ALPACA);
    assertThat(joint.brokerAccount()).contains("PA123");
    assertThat(joint.brokerLotMethod()).contains(LotMethod.FIFO);
    assertThat(joint.honoursLots()).isFalse();
    assertThat(joint.lotMethodWarning()).hasValueSatisfying(w -> assertThat(w)
        .contains("the broker relieves lots by fifo but household.yaml's lot_method is hifo"));
    assertThat(links.value().get().get(AccountId.of("ira")).honoursLots()).isTrue();
    assertThat(joint.settledCashOnly()).isFalse();
    assertThat(links.value().get().get(AccountId.of("ira")).settledCashOnly()).isTrue();
    assertThat(links.value().get()).doesNotContainKey(AccountId.of("hsa"));
  }

  @Test
  void test_bad_broker_values_are_problems_of_household_yaml() {
    Loaded<Household> loaded = HouseholdYamlLoader.load("household.yaml", new StringReader(
        YAML.replace("broker: alpaca", "broker: etrade").replace("broker_lot_method: fifo", "broker_lot_method: avg")
            .replace("broker_settled_cash: true", "broker_settled_cash: maybe")));

    assertThat(loaded.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
        "household.yaml:7: accounts[0].broker: \"etrade\" is not one of alpaca, file",
        "household.yaml:9: accounts[0].broker_lot_method: \"avg\" is not one of fifo, lifo, hifo, min_tax, specific",
        "household.yaml:13: accounts[1].broker_settled_cash: \"maybe\" is not true or false");
  }
}
