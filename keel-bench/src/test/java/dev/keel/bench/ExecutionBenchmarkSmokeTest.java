package dev.keel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.broker.execute.ExecutionResult;
import org.junit.jupiter.api.Test;

/** The execution benchmark's setup and body run twice against the fake Alpaca; nothing is timed. */
class ExecutionBenchmarkSmokeTest {

  @Test
  void test_tenTradeProposal_executesEachProposalInFull() throws Exception {
    ExecutionBenchmark bench = new ExecutionBenchmark();
    bench.setUp();
    try {
      ExecutionResult first = bench.tenTradeProposal();
      ExecutionResult second = bench.tenTradeProposal();

      assertThat(first.status()).isEqualTo(ExecutionResult.Status.EXECUTED);
      assertThat(first.booked()).isEqualTo(10);
      assertThat(second.proposal()).isNotEqualTo(first.proposal());
      assertThat(bench.fake.account("BENCH").orderCount()).isEqualTo(20);
    } finally {
      bench.tearDown();
    }
  }
}
