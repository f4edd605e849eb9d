package dev.keel.broker.execute;

import static dev.keel.broker.execute.Fixture.FAST;
import static dev.keel.broker.execute.Fixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.ledger.AccountPosition;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The executor killed at each step that matters, then run again from the files it left: no order
 * placed twice, none forgotten, every fill booked once, and the books equal the broker's.
 */
class CrashRecoveryTest {

  /** What a killed process looks like from inside: nothing after this point runs. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash", null, false, false);
    }
  }

  /** A file journal that dies when asked to store the n-th event of a type. */
  static final class CrashingStore implements ExecutionStore {
    final FileExecutionStore inner;
    final EventType type;
    final int at;
    final AtomicInteger seen = new AtomicInteger();

    CrashingStore(FileExecutionStore inner, EventType type, int at) {
      this.inner = inner;
      this.type = type;
      this.at = at;
    }

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

  Fixture fx;

  @AfterEach
  void stop() {
    fx.close();
  }

  ExecutionPlan plan = plan("sell 20 VTI @300 L1:20", "buy 30 BND @72.50", "buy 10 ITOT @120");

  void assertBooksMatchTheBroker(Path dir) {
    AccountPosition joint = TestFolder.joint(dir);
    assertThat(TestFolder.shares(joint)).isEqualTo(TestFolder.normalized(fx.account.positions()));
    assertThat(joint.cash()).isEqualByComparingTo(fx.account.cash());
    // Every trade placed once: three client order ids, each of attempt 1.
    assertThat(fx.account.placements()).containsExactlyInAnyOrder(ClientOrderIds.of(plan.id(), 1, 1),
        ClientOrderIds.of(plan.id(), 2, 1), ClientOrderIds.of(plan.id(), 3, 1));
  }

  ExecutionResult runAgain(Path dir) {
    FileExecutionStore store = new FileExecutionStore(dir.resolve(".keel/execution"));
    TransactionsFileSink sink = new TransactionsFileSink(dir.resolve("transactions.csv"), dir.resolve(".keel/booked.jsonl"));
    return Fixture.executor(store, sink, FAST).execute(plan, fx.routes(false));
  }

  @ParameterizedTest(name = "killed when journaling {0} #{1}")
  @CsvSource({
      "SUBMITTING, 1", "SUBMITTING, 2",
      "ACKNOWLEDGED, 1", "ACKNOWLEDGED, 2", "ACKNOWLEDGED, 3",
      "PLANNED, 1",
      "FILL, 1", "FILL, 3",
      "BOOKED, 1"})
  void test_killed_at_a_journal_step_resumes_without_duplicates(EventType type, int at, @TempDir Path dir) {
    fx = new Fixture("1000");
    fx.account.position("VTI", "100", "220");
    TestFolder.copy(dir);
    FileExecutionStore files = new FileExecutionStore(dir.resolve(".keel/execution"));
    TransactionsFileSink sink = new TransactionsFileSink(dir.resolve("transactions.csv"), dir.resolve(".keel/booked.jsonl"));

    assertThatThrownBy(() -> Fixture.executor(new CrashingStore(files, type, at), sink, FAST).execute(plan,
        fx.routes(false))).isInstanceOf(SimulatedCrash.class);
    ExecutionResult result = runAgain(dir);

    assertThat(result.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
    assertBooksMatchTheBroker(dir);
    // A third run changes nothing.
    ExecutionResult third = runAgain(dir);
    assertThat(third.booked()).isZero();
    assertBooksMatchTheBroker(dir);
  }

  @ParameterizedTest(name = "killed inside booking, {0}")
  @ValueSource(booleans = {true, false})
  void test_killed_between_recording_a_batch_and_writing_transactions(boolean tornJournalLine, @TempDir Path dir)
      throws Exception {
    fx = new Fixture("1000");
    fx.account.position("VTI", "100", "220");
    TestFolder.copy(dir);
    FileExecutionStore files = new FileExecutionStore(dir.resolve(".keel/execution"));
    TransactionsFileSink dying = new TransactionsFileSink(dir.resolve("transactions.csv"),
        dir.resolve(".keel/booked.jsonl"), () -> {
          throw new SimulatedCrash();
        });

    assertThatThrownBy(() -> Fixture.executor(files, dying, FAST).execute(plan, fx.routes(false)))
        .isInstanceOf(SimulatedCrash.class);
    if (tornJournalLine) {
      // The process died in the middle of writing a journal line: the torn line is ignored.
      java.nio.file.Files.writeString(files.file(plan.id()), "{\"type\":\"BOOK", java.nio.file.StandardOpenOption.APPEND);
    }
    ExecutionResult result = runAgain(dir);

    assertThat(result.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
    assertThat(result.booked()).isEqualTo(3);
    assertBooksMatchTheBroker(dir);
  }

  @ParameterizedTest(name = "order answered with an error that went through, then killed")
  @ValueSource(ints = {1, 2})
  void test_an_error_that_went_through_then_a_crash(int which, @TempDir Path dir) {
    fx = new Fixture("1000");
    fx.account.position("VTI", "100", "220");
    TestFolder.copy(dir);
    fx.fake.failAfterPlacingNext(which);
    FileExecutionStore files = new FileExecutionStore(dir.resolve(".keel/execution"));
    TransactionsFileSink sink = new TransactionsFileSink(dir.resolve("transactions.csv"), dir.resolve(".keel/booked.jsonl"));

    assertThatThrownBy(() -> Fixture.executor(new CrashingStore(files, EventType.ACKNOWLEDGED, 1), sink, FAST)
        .execute(plan, fx.routes(false))).isInstanceOf(SimulatedCrash.class);
    runAgain(dir);

    assertBooksMatchTheBroker(dir);
  }
}
