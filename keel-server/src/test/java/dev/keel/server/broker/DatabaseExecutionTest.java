package dev.keel.server.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.broker.alpaca.AlpacaBroker;
import dev.keel.broker.alpaca.AlpacaConfig;
import dev.keel.broker.execute.BrokerRoute;
import dev.keel.broker.execute.EventType;
import dev.keel.broker.execute.ExecutionEvent;
import dev.keel.broker.execute.ExecutionPlan;
import dev.keel.broker.execute.ExecutionPolicy;
import dev.keel.broker.execute.ExecutionResult;
import dev.keel.broker.execute.ExecutionStore;
import dev.keel.broker.execute.Executor;
import dev.keel.broker.execute.PlannedLot;
import dev.keel.broker.execute.PlannedTrade;
import dev.keel.broker.execute.ProposalId;
import dev.keel.broker.fake.FakeAlpacaServer;
import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.LotId;
import dev.keel.core.rebalance.Side;
import dev.keel.core.security.Symbol;
import dev.keel.server.ServerSuite;
import dev.keel.store.Database;
import dev.keel.store.TestDatabases;
import dev.keel.store.household.HouseholdId;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The executor over the database journal and ledger sink, against the fake Alpaca server: killed
 * between placing an order and recording the broker's answer, then run again as a restarted
 * server would: each trade placed once, each fill booked once as stored transactions.
 */
class DatabaseExecutionTest {

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

  /** What a killed process looks like from inside: nothing after this point runs. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash", null, false, false);
    }
  }

  /** A journal that dies when asked to store the n-th event of a type. */
  record CrashingStore(ExecutionStore inner, EventType type, int at, AtomicInteger seen) implements ExecutionStore {
    @Override
    public List<ExecutionEvent> events(ProposalId proposal) {
      return inner.events(proposal);
    }

    @Override
    public void append(ProposalId proposal, ExecutionEvent event) {
      if (event.type() == type && seen.incrementAndGet() == at) {
        throw new SimulatedCrash();
      }
      inner.append(proposal, event);
    }
  }

  abstract static class Cases extends ServerSuite {

    static final HouseholdId RIVERA = HouseholdId.of("rivera");
    static final AccountId JOINT = AccountId.of("joint");
    static final ExecutionPolicy FAST = ExecutionPolicy.DEFAULT.withWait(Duration.ofMillis(300), Duration.ofMillis(20));

    final FakeAlpacaServer fake = FakeAlpacaServer.start();
    final FakeAlpacaServer.FakeAccount account = fake.account("PKEXEC", "exec-secret-value", "PA0000001",
        new BigDecimal("1000"));

    final ExecutionPlan plan = ExecutionPlan.of(LocalDate.of(2026, 11, 30), List.of(
        new PlannedTrade(1, JOINT, Symbol.of("VTI"), Side.SELL, new BigDecimal("20"), Optional.of(new BigDecimal("300")),
            List.of(new PlannedLot(LotId.of("J-VTI-2021"), new BigDecimal("20"))), false),
        new PlannedTrade(2, JOINT, Symbol.of("BND"), Side.BUY, new BigDecimal("30"), Optional.of(new BigDecimal("72.50")),
            List.of(), false)));

    @AfterEach
    void stopFake() {
      fake.close();
    }

    Map<AccountId, BrokerRoute> routes() {
      AlpacaBroker broker = new AlpacaBroker(AlpacaConfig.forTest(fake.url(), "PKEXEC", "exec-secret-value"),
          HttpClient.newHttpClient(), Clock.systemUTC(), d -> Thread.sleep(Math.min(d.toMillis(), 20)));
      return Map.of(JOINT, new BrokerRoute(broker, false));
    }

    /** A fresh executor over the database, as a restarted server builds it. */
    ExecutionResult run(boolean crashAfterFirstSubmit) {
      ExecutionStore journal = new DatabaseExecutionStore(server.store().executions(), RIVERA, "executor");
      if (crashAfterFirstSubmit) {
        journal = new CrashingStore(journal, EventType.ACKNOWLEDGED, 1, new AtomicInteger());
      }
      DatabaseLedgerSink sink = new DatabaseLedgerSink(server.store().executions(), RIVERA, plan.id(), "executor");
      return new Executor(journal, sink, FAST, Clock.systemUTC(), d -> Thread.sleep(Math.min(d.toMillis(), 20)))
          .execute(plan, routes());
    }

    int storedTransactions() {
      return server.store().households().load(RIVERA, LocalDate.of(2026, 11, 30)).orElseThrow().data().transactions().size();
    }

    @Test
    void killedBetweenSubmitAndRecord_thenRerun_placesEachOrderOnce_andBooksEachFillOnce() {
      fake.price("VTI", "300.00");
      fake.price("BND", "72.50");
      account.position("VTI", "100", "220");
      int before = storedTransactions();

      assertThatThrownBy(() -> run(true)).isInstanceOf(SimulatedCrash.class);
      assertThat(account.orderCount()).isEqualTo(1);

      ExecutionResult result = run(false);

      assertThat(result.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
      assertThat(account.orderCount()).isEqualTo(2);
      assertThat(account.placements()).doesNotHaveDuplicates().hasSize(2);
      int after = storedTransactions();
      assertThat(after).isEqualTo(before + 2);
      assertThat(server.store().executions().bookedFillIds(RIVERA)).hasSize(2);

      // A third run (another restart) places and books nothing.
      ExecutionResult third = run(false);
      assertThat(third.booked()).isZero();
      assertThat(account.orderCount()).isEqualTo(2);
      assertThat(storedTransactions()).isEqualTo(after);
      // Every journal step, broker answers included, is in the audit trail, and the chain verifies.
      assertThat(server.store().executions().events(plan.id().value())).isNotEmpty();
      assertThat(get("/api/audit?household=rivera", admin).body()).contains("execution.submitting")
          .contains("execution.fill_booked").doesNotContain("exec-secret-value");
      assertThat(get("/api/audit/verify", admin).json().path("ok").asBoolean()).isTrue();
    }
  }
}
