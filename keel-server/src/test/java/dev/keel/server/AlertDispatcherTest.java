package dev.keel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.io.report.Json;
import dev.keel.store.Database;
import dev.keel.store.Store;
import dev.keel.store.StoreSuite;
import dev.keel.store.TestDatabases;
import dev.keel.store.alert.AlertStore;
import dev.keel.store.household.Examples;
import dev.keel.store.household.HouseholdId;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AlertDispatcherTest {

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

  /** A clock the test moves forward, to reach the next retry without waiting. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-23T06:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  record Received(String signature, String kind, String body) {}

  abstract static class Cases extends StoreSuite {

    static final String SECRET = "s3cret-s3cret-s3cret";
    final MovableClock clock = new MovableClock();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToGive = new AtomicInteger();
    HttpServer receiver;

    String startReceiver() throws Exception {
      receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      receiver.createContext("/hook", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestHeaders().getFirst("X-Keel-Signature"),
            exchange.getRequestHeaders().getFirst("X-Keel-Alert-Kind"), body));
        int status = failuresToGive.getAndDecrement() > 0 ? 500 : 204;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
      });
      receiver.start();
      return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stopReceiver() {
      if (receiver != null) {
        receiver.stop(0);
      }
    }

    Store store() {
      Store store = new Store(database(), HouseholdEngine.DEFAULT, clock);
      store.households().importFolder(HouseholdId.of("rivera"), Examples.files("rivera"), "test");
      return store;
    }

    @Test
    void approvalNeeded_isPostedSigned_afterARetryWithBackoff_andTheLogShowsIt() throws Exception {
      Store store = store();
      store.alerts().addChannel(Optional.of("rivera"), "webhook", startReceiver(), SECRET, "test");
      failuresToGive.set(1);
      AlertDispatcher dispatcher = new AlertDispatcher(store.alerts(), new WebhookSender(), Optional.empty());
      String proposal = store.proposals().propose(HouseholdId.of("rivera"), LocalDate.of(2026, 11, 22), Map.of(), "alice")
          .orElseThrow().id();

      assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
      Map<String, Object> first = store.alerts().log(Optional.of("rivera"), 10).get(0);
      assertThat(first).containsEntry("status", "pending").containsEntry("attempts", 1).containsEntry("last_error", "HTTP 500");
      assertThat(dispatcher.dispatchOnce()).as("not due before the backoff").isZero();

      clock.now = clock.now.plus(Duration.ofSeconds(31));
      assertThat(dispatcher.dispatchOnce()).isEqualTo(1);

      assertThat(received).hasSize(2);
      Received last = received.get(1);
      assertThat(last.kind()).isEqualTo("approval_needed");
      assertThat(last.signature()).isEqualTo("sha256=" + WebhookSender.sign(SECRET, last.body()));
      JsonNode body = Json.mapper().readTree(last.body());
      assertThat(body.path("details").path("proposal").asText()).isEqualTo(proposal);
      assertThat(last.body()).doesNotContain(SECRET);
      assertThat(store.alerts().log(Optional.of("rivera"), 10).get(0)).containsEntry("status", "delivered")
          .containsEntry("attempts", 2);
    }

    @Test
    void emailChannel_deliversTheAlertOverSmtp() throws Exception {
      com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
          com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());
      smtp.start();
      try {
        Store store = store();
        store.alerts().addChannel(Optional.of("rivera"), "email", "alex@example.com", null, "test");
        EmailSender email = new EmailSender("127.0.0.1", smtp.getSmtp().getPort(), "keel@example.com", Optional.empty(), "");
        AlertDispatcher dispatcher = new AlertDispatcher(store.alerts(), new WebhookSender(), Optional.of(email));
        store.proposals().propose(HouseholdId.of("rivera"), LocalDate.of(2026, 11, 22), Map.of(), "alice");

        assertThat(dispatcher.dispatchOnce()).isEqualTo(1);

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        jakarta.mail.internet.MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("alex@example.com");
        assertThat(message.getSubject()).startsWith("[Keel] Proposal for rivera needs approval");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(message)).contains("approval_needed");
        assertThat(store.alerts().log(Optional.of("rivera"), 10).get(0)).containsEntry("status", "delivered");
      } finally {
        smtp.stop();
      }
    }

    @Test
    void emailChannel_withoutSmtp_isRetriedAndVisible() {
      Store store = store();
      store.alerts().addChannel(Optional.of("rivera"), "email", "alex@example.com", null, "test");
      AlertDispatcher dispatcher = new AlertDispatcher(store.alerts(), new WebhookSender(), Optional.empty());
      store.proposals().propose(HouseholdId.of("rivera"), LocalDate.of(2026, 11, 22), Map.of(), "alice");
      assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
      assertThat((String) store.alerts().log(Optional.of("rivera"), 10).get(0).get("last_error"))
          .contains("e-mail delivery is not configured");
    }

    @Test
    void unreachableWebhook_neverBlocksTheScan_andFailsVisiblyAfterTheLastAttempt() {
      Store store = store();
      store.alerts().addChannel(Optional.empty(), "webhook", "http://127.0.0.1:9/nothing-listens", SECRET, "test");
      var scan = store.scanner().run(LocalDate.of(2026, 11, 22), "test", 1, () -> false);
      assertThat(scan.done()).isEqualTo(1);
      assertThat(scan.proposals()).isEqualTo(1);

      AlertDispatcher dispatcher = new AlertDispatcher(store.alerts(), new WebhookSender(), Optional.empty());
      // The scan raised two alerts: rivera's bands are breached, and its proposal needs approval.
      for (int attempt = 1; attempt <= AlertStore.MAX_ATTEMPTS; attempt++) {
        assertThat(dispatcher.dispatchOnce()).isEqualTo(2);
        clock.now = clock.now.plus(Duration.ofHours(1));
      }
      assertThat(dispatcher.dispatchOnce()).isZero();
      Map<String, Object> log = store.alerts().log(Optional.of("rivera"), 10).get(0);
      assertThat(log).containsEntry("status", "failed").containsEntry("attempts", AlertStore.MAX_ATTEMPTS);
      assertThat((String) log.get("last_error")).contains("ConnectException");
    }
  }
}
