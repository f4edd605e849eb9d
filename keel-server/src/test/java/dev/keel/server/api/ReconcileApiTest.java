package dev.keel.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.broker.fake.FakeAlpacaServer;
import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.io.report.Json;
import dev.keel.server.ServerSuite;
import dev.keel.server.broker.BrokerConnector;
import dev.keel.server.broker.EnvironmentBrokers;
import dev.keel.store.Database;
import dev.keel.store.TestDatabases;
import dev.keel.store.household.Examples;
import dev.keel.store.household.HouseholdId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** POST /api/households/{id}/reconcile against the fake Alpaca server, over real HTTP, on both databases. */
class ReconcileApiTest {

  @Nested
  class OnH2 extends Cases {
    @Override
    protected Database newDatabase() {
      return TestDatabases.h2();
    }
  }

  @Nested
  class OnPostgres extends Cases {
    @Override
    protected Database newDatabase() {
      return TestDatabases.postgres();
    }
  }

  abstract static class Cases extends ServerSuite {

    static final String HOUSEHOLD = "alpaca-home";
    static final String KEY = "PKTESTKEYID0001";
    static final String SECRET = "sk-reconcile-secret-value-0001";
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    static final java.util.List<String> LOGGERS = java.util.List.of("keel", "dev.keel");

    final FakeAlpacaServer fake = FakeAlpacaServer.start();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    AccountPosition ledger;

    @Override
    protected BrokerConnector brokers() {
      return new EnvironmentBrokers(Map.of("APCA_API_KEY_ID", KEY, "APCA_API_SECRET_KEY", SECRET,
          "APCA_API_BASE_URL", fake.url().toString(), "APCA_API_DATA_URL", fake.url().toString()));
    }

    @BeforeEach
    void storeAHouseholdWithAnAlpacaAccount() {
      // Keel's own loggers at DEBUG into a list only (the test configuration keeps the root at WARN).
      log.start();
      for (String name : LOGGERS) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        logger.setAdditive(false);
        logger.addAppender(log);
      }
      Map<String, String> files = new HashMap<>(Examples.files("rivera").files());
      String yaml = files.get("household.yaml");
      assertThat(yaml).contains("custodian: Schwab\n    cash: 350");
      files.put("household.yaml", yaml.replace("custodian: Schwab\n    cash: 350",
          "custodian: Schwab\n    broker: alpaca\n    broker_account: PA0001\n    cash: 350"));
      Answer created = postJson("/api/households", advisor, Json.write(Map.of("id", HOUSEHOLD, "files", files)));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      ledger = engine().books(server.store().households().load(HouseholdId.of(HOUSEHOLD), AS_OF).orElseThrow().data(),
          Optional.of(AS_OF), AS_OF.getYear()).account(AccountId.of("sam-ira"));
      assertThat(ledger.quantities()).isNotEmpty();
      FakeAlpacaServer.FakeAccount account = fake.account(KEY, SECRET, "PA0001", ledger.cash());
      ledger.quantities().forEach((symbol, quantity) -> {
        fake.price(symbol.value(), "100.00");
        account.position(symbol.value(), quantity.toPlainString(), "90.00");
      });
    }

    @AfterEach
    void stopFake() {
      for (String name : LOGGERS) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        logger.detachAppender(log);
        logger.setLevel(null);
        logger.setAdditive(true);
      }
      fake.close();
    }

    private Answer reconcile(String token) {
      return postJson("/api/households/" + HOUSEHOLD + "/reconcile", token, "{\"as_of\":\"" + AS_OF + "\"}");
    }

    @Test
    void brokerMatchingTheLedger_isClean_andRaisesNoAlert() {
      Answer answer = reconcile(advisor);

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().path("clean").asBoolean()).isTrue();
      JsonNode account = answer.json().path("accounts").get(0);
      assertThat(account.path("account").asText()).isEqualTo("sam-ira");
      assertThat(account.path("status").asText()).isEqualTo("matched");
      assertThat(account.path("positions").asInt()).isEqualTo(ledger.quantities().size());
      assertThat(answer.json().path("alert").isNull()).isTrue();
      assertThat(answer.body()).doesNotContain(SECRET).doesNotContain(KEY);
    }

    @Test
    void differences_areListedAuditedAndAlerted_andNothingIsAdjusted() {
      Map.Entry<dev.keel.core.security.Symbol, BigDecimal> first = ledger.quantities().entrySet().iterator().next();
      String symbol = first.getKey().value();
      fake.account(KEY).position(symbol, first.getValue().subtract(BigDecimal.TEN).toPlainString(), "90.00");
      fake.account(KEY).cashForTest(ledger.cash().add(new BigDecimal("12.34")));
      int transactions = get("/api/households/" + HOUSEHOLD, advisor).json().path("transactions").asInt();

      Answer answer = reconcile(advisor);

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().path("clean").asBoolean()).isFalse();
      assertThat(answer.json().path("differences").asInt()).isEqualTo(2);
      JsonNode account = answer.json().path("accounts").get(0);
      assertThat(account.path("status").asText()).isEqualTo("differences");
      assertThat(account.path("differences")).anySatisfy(d -> {
        assertThat(d.path("item").asText()).isEqualTo(symbol);
        assertThat(d.path("ledger").decimalValue()).isEqualByComparingTo(first.getValue());
        assertThat(d.path("difference").decimalValue()).isEqualByComparingTo("-10");
      });
      assertThat(account.path("differences")).anySatisfy(d -> {
        assertThat(d.path("item").asText()).isEqualTo("cash");
        assertThat(d.path("difference").decimalValue()).isEqualByComparingTo("12.34");
      });
      String alert = answer.json().path("alert").asText();
      JsonNode alerts = get("/api/alerts?household=" + HOUSEHOLD, advisor).json().path("alerts");
      assertThat(alerts.toString()).contains(alert).contains("broker_difference");
      assertThat(get("/api/households/" + HOUSEHOLD, advisor).json().path("transactions").asInt()).isEqualTo(transactions);
      JsonNode events = get("/api/audit?household=" + HOUSEHOLD, advisor).json().path("events");
      assertThat(events.toString()).contains("household.reconciled");
      assertThat(get("/api/audit/verify", admin).json().path("ok").asBoolean()).isTrue();
      assertThat(answer.body() + alerts + events).doesNotContain(SECRET);
      assertThat(log.list).isNotEmpty().noneMatch(e -> e.getFormattedMessage().contains(SECRET)
          || (e.getThrowableProxy() != null && String.valueOf(e.getThrowableProxy().getMessage()).contains(SECRET)));
    }

    @Test
    void keysReachingAnotherAccount_compareNothing_andAreAlerted() {
      fake.account(KEY, SECRET, "PA9999", ledger.cash());

      Answer answer = reconcile(advisor);

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      JsonNode account = answer.json().path("accounts").get(0);
      assertThat(account.path("status").asText()).isEqualTo("wrong_account");
      assertThat(account.path("message").asText()).contains("PA9999").contains("PA0001");
      assertThat(answer.json().path("alert").isTextual()).isTrue();
    }

    @Test
    void aHouseholdWithoutABrokerAccount_is422_andAccessIsChecked() {
      assertProblem(postJson("/api/households/rivera/reconcile", advisor, "{}"), 422);
      assertProblem(reconcile(client), 404);
      assertProblem(postJson("/api/households/wash-sales/reconcile", client, "{}"), 403);
    }
  }
}
