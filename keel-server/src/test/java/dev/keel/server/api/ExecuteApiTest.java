package dev.keel.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.broker.AssetInfo;
import dev.keel.broker.Broker;
import dev.keel.broker.BrokerAccount;
import dev.keel.broker.BrokerFill;
import dev.keel.broker.BrokerOrder;
import dev.keel.broker.BrokerPosition;
import dev.keel.broker.OrderRequest;
import dev.keel.broker.fake.FakeAlpacaServer;
import dev.keel.core.security.Symbol;
import dev.keel.io.report.Json;
import dev.keel.server.ServerSuite;
import dev.keel.server.broker.BrokerConnector;
import dev.keel.server.broker.EnvironmentBrokers;
import dev.keel.store.Database;
import dev.keel.store.TestDatabases;
import dev.keel.store.household.Examples;
import dev.keel.store.household.HouseholdId;
import dev.keel.store.proposal.ExecutionMode;
import dev.keel.store.proposal.ProposalStatus;
import dev.keel.store.proposal.StoredProposal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** POST /api/proposals/{id}/execute against the fake Alpaca server, over real HTTP, on both databases. */
class ExecuteApiTest {

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

  /** What a killed executor looks like from inside: nothing after this point runs. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash", null, false, false);
    }
  }

  /** A broker that, while armed, dies right after the broker accepted an order: before the executor records it. */
  record CrashAfterSubmit(Broker inner, AtomicBoolean armed) implements Broker {
    @Override
    public BrokerAccount account() {
      return inner.account();
    }

    @Override
    public List<BrokerPosition> positions() {
      return inner.positions();
    }

    @Override
    public BrokerOrder submit(OrderRequest request) {
      BrokerOrder placed = inner.submit(request);
      if (armed.getAndSet(false)) {
        throw new SimulatedCrash();
      }
      return placed;
    }

    @Override
    public Optional<BrokerOrder> findOrder(String clientOrderId) {
      return inner.findOrder(clientOrderId);
    }

    @Override
    public List<BrokerOrder> openOrders() {
      return inner.openOrders();
    }

    @Override
    public void cancel(String orderId) {
      inner.cancel(orderId);
    }

    @Override
    public List<BrokerFill> fills(Instant since) {
      return inner.fills(since);
    }

    @Override
    public Map<Symbol, BigDecimal> latestPrices(Collection<Symbol> symbols) {
      return inner.latestPrices(symbols);
    }

    @Override
    public Optional<AssetInfo> asset(Symbol symbol) {
      return inner.asset(symbol);
    }
  }

  /** A broker whose first placement, while armed, says it arrived and then holds until released. */
  record GateOnSubmit(Broker inner, AtomicBoolean armed, CountDownLatch arrived, CountDownLatch release)
      implements Broker {
    @Override
    public BrokerAccount account() {
      return inner.account();
    }

    @Override
    public List<BrokerPosition> positions() {
      return inner.positions();
    }

    @Override
    public BrokerOrder submit(OrderRequest request) {
      if (armed.getAndSet(false)) {
        arrived.countDown();
        try {
          if (!release.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the gate was never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      return inner.submit(request);
    }

    @Override
    public Optional<BrokerOrder> findOrder(String clientOrderId) {
      return inner.findOrder(clientOrderId);
    }

    @Override
    public List<BrokerOrder> openOrders() {
      return inner.openOrders();
    }

    @Override
    public void cancel(String orderId) {
      inner.cancel(orderId);
    }

    @Override
    public List<BrokerFill> fills(Instant since) {
      return inner.fills(since);
    }

    @Override
    public Map<Symbol, BigDecimal> latestPrices(Collection<Symbol> symbols) {
      return inner.latestPrices(symbols);
    }

    @Override
    public Optional<AssetInfo> asset(Symbol symbol) {
      return inner.asset(symbol);
    }
  }

  abstract static class Cases extends ServerSuite {

    static final String HOUSEHOLD = "alpaca-exec";
    static final String KEY = "PKEXECAPI0001";
    static final String SECRET = "sk-execute-secret-value-0001";
    static final String BODY = "{\"as_of\":\"2026-11-22\",\"trades\":["
        + "{\"account\":\"joint\",\"symbol\":\"VTI\",\"side\":\"sell\",\"quantity\":20,\"price\":300.00,"
        + "\"lots\":[{\"lot_id\":\"J-VTI-2021\",\"quantity\":20}]},"
        + "{\"account\":\"joint\",\"symbol\":\"BND\",\"side\":\"buy\",\"quantity\":30,\"price\":72.50}]}";

    final FakeAlpacaServer fake = FakeAlpacaServer.start();
    final FakeAlpacaServer.FakeAccount account = fake.account(KEY, SECRET, "PA0000001", new BigDecimal("1000"));
    final AtomicBoolean crash = new AtomicBoolean();
    final AtomicBoolean gate = new AtomicBoolean();
    final CountDownLatch atGate = new CountDownLatch(1);
    final CountDownLatch openGate = new CountDownLatch(1);

    @Override
    protected BrokerConnector brokers() {
      EnvironmentBrokers env = new EnvironmentBrokers(Map.of("APCA_API_KEY_ID", KEY, "APCA_API_SECRET_KEY", SECRET,
          "APCA_API_BASE_URL", fake.url().toString(), "APCA_API_DATA_URL", fake.url().toString()));
      return link -> new GateOnSubmit(new CrashAfterSubmit(env.connect(link), crash), gate, atGate, openGate);
    }

    @BeforeEach
    void storeAHouseholdTradedAtAlpaca() {
      fake.price("VTI", "300.00");
      fake.price("BND", "72.50");
      account.position("VTI", "100", "220");
      Map<String, String> files = new HashMap<>(Examples.files("rivera").files());
      String yaml = files.get("household.yaml");
      assertThat(yaml).contains("custodian: Vanguard\n    lot_method: min_tax");
      files.put("household.yaml", yaml.replace("custodian: Vanguard\n    lot_method: min_tax",
          "custodian: Vanguard\n    broker: alpaca\n    broker_account: PA0000001\n    lot_method: min_tax"));
      Answer created = postJson("/api/households", advisor, Json.write(Map.of("id", HOUSEHOLD, "files", files)));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @AfterEach
    void stopFake() {
      fake.close();
    }

    /** An approved proposal of two trades in the joint account (stored as approval leaves it). */
    String approvedProposal(String id) {
      server.store().database().jdbi().useTransaction(h -> server.store().proposals().store().insert(h,
          new StoredProposal(id, HouseholdId.of(HOUSEHOLD), LocalDate.of(2026, 11, 22), ProposalStatus.APPROVED, 2,
              ExecutionMode.APPROVE, "request", BODY, "fingerprint", 2, Optional.empty(), "2026-11-22T06:00:00Z", "alice",
              Optional.of("2026-11-22T07:00:00Z"), Optional.of("alice"), Optional.empty(), Optional.empty()), null));
      return id;
    }

    int transactions() {
      return get("/api/households/" + HOUSEHOLD, advisor).json().path("transactions").asInt();
    }

    List<String> auditActions() {
      List<String> actions = new ArrayList<>();
      get("/api/audit?household=" + HOUSEHOLD, advisor).json().path("events").forEach(e -> actions.add(e.path("action").asText()));
      return actions;
    }

    @Test
    void approvedProposal_isTradedOnce_bookedAndExecuted() {
      String id = approvedProposal("p-exec-1");
      int before = transactions();

      Answer answer = post("/api/proposals/" + id + "/execute", advisor, "application/json", "", Map.of());

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().path("status").asText()).isEqualTo("executed");
      assertThat(answer.json().path("booked_fills").asInt()).isEqualTo(2);
      assertThat(account.orderCount()).isEqualTo(2);
      assertThat(transactions()).isEqualTo(before + 2);
      assertThat(get("/api/proposals/" + id, advisor).json().path("status").asText()).isEqualTo("executed");
      assertThat(auditActions()).containsSubsequence("proposal.submitted", "execution.submitting", "execution.acknowledged",
          "execution.fill_booked", "proposal.executed");
      assertThat(answer.body()).doesNotContain(SECRET);
      assertThat(get("/api/audit?household=" + HOUSEHOLD, advisor).body()).doesNotContain(SECRET);

      assertProblem(post("/api/proposals/" + id + "/execute", advisor, "application/json", "", Map.of()), 409);
      assertThat(account.orderCount()).isEqualTo(2);
    }

    @Test
    void twoSimultaneousExecutions_theSecondIs409_andOneOrderPerTradeIsPlaced() throws Exception {
      // Issue 12: both calls used to run an executor; the second failed with 500.
      String id = approvedProposal("p-exec-4");
      gate.set(true);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<Answer> first = pool.submit(() -> post("/api/proposals/" + id + "/execute", advisor, "application/json",
            "", Map.of()));
        assertThat(atGate.await(20, TimeUnit.SECONDS)).as("the first execution reached the broker").isTrue();

        Answer second = post("/api/proposals/" + id + "/execute", advisor, "application/json", "", Map.of());

        openGate.countDown();
        assertProblem(second, 409);
        assertThat(second.json().path("detail").asText()).contains("p-exec-4").contains("being executed");
        Answer done = first.get(30, TimeUnit.SECONDS);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("status").asText()).isEqualTo("executed");
      } finally {
        openGate.countDown();
        pool.shutdownNow();
      }
      assertThat(account.orderCount()).isEqualTo(2);
      assertThat(account.placements()).doesNotHaveDuplicates();
      // The lock is released when the execution ends: a later call is told the proposal's status instead.
      Answer later = post("/api/proposals/" + id + "/execute", advisor, "application/json", "", Map.of());
      assertProblem(later, 409);
      assertThat(later.json().path("detail").asText()).contains("is executed");
    }

    @Test
    void killedBetweenSubmitAndRecord_thenRerun_oneOrderPerTradeAtTheBroker() {
      String id = approvedProposal("p-exec-2");
      int before = transactions();
      crash.set(true);

      Answer killed = post("/api/proposals/" + id + "/execute", advisor, "application/json", "", Map.of());

      assertThat(killed.status()).isEqualTo(500);
      assertThat(account.orderCount()).isEqualTo(1);
      assertThat(get("/api/proposals/" + id, advisor).json().path("status").asText()).isEqualTo("submitted");

      Answer rerun = post("/api/proposals/" + id + "/execute", advisor, "application/json", "", Map.of());

      assertThat(rerun.status()).as(rerun.body()).isEqualTo(200);
      assertThat(rerun.json().path("status").asText()).isEqualTo("executed");
      assertThat(account.orderCount()).isEqualTo(2);
      assertThat(account.placements()).doesNotHaveDuplicates();
      assertThat(transactions()).isEqualTo(before + 2);
      assertThat(get("/api/audit/verify", admin).json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void aProposalNotApproved_is409_andAnAccountWithoutABroker_is422_andNothingIsPlaced() {
      assertProblem(post("/api/proposals/nope/execute", advisor, "application/json", "", Map.of()), 404);
      String id = approvedProposal("p-exec-3");
      assertProblem(post("/api/proposals/" + id + "/execute", client, "application/json", "", Map.of()), 404);
      server.store().database().jdbi().useHandle(h -> h.createUpdate("UPDATE proposal SET body = :b WHERE id = :id")
          .bind("b", BODY.replace("\"account\":\"joint\",\"symbol\":\"BND\"", "\"account\":\"sam-ira\",\"symbol\":\"BND\""))
          .bind("id", id).execute());
      Answer noBroker = post("/api/proposals/" + id + "/execute", advisor, "application/json", "", Map.of());
      assertProblem(noBroker, 422);
      assertThat(noBroker.body()).contains("sam-ira");
      assertThat(account.orderCount()).isZero();
      assertThat(get("/api/proposals/" + id, advisor).json().path("status").asText()).isEqualTo("approved");
    }
  }
}
