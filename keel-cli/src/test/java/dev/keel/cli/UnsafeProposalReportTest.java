package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.rebalance.UnsafeProposalException;
import dev.keel.core.rebalance.UnsafeProposalException.Kind;
import dev.keel.core.rebalance.UnsafeProposalException.Violation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A proposal the engine's guard withholds (a bug in Keel, not bad input) reaches the user as one
 * line and exit status 1, never a stack trace or a proposal. The engine cannot be made to produce
 * one from a household, so the failure is handed to the CLI's handler directly.
 */
class UnsafeProposalReportTest {

  @Test
  void an_unsafe_proposal_is_one_line_and_exit_1() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new KeelCli());
    cli.setErr(new PrintWriter(err, true));
    UnsafeProposalException e = new UnsafeProposalException(LocalDate.of(2026, 11, 20),
        List.of(new Violation(Kind.NEW_WASH_SALE, "a loss sale of lot J1 in joint that a purchase washes ($500.00 disallowed, not said by the proposal)")));

    int status = new Failures().handleExecutionException(e, cli, null);

    assertThat(status).isEqualTo(KeelCli.EXIT_FAILURE).isEqualTo(1);
    assertThat(err.toString().lines().toList()).containsExactly(
        "keel: error: internal error: the proposal for 2026-11-20 was withheld, because booking it through the ledger"
            + " found a loss sale of lot J1 in joint that a purchase washes ($500.00 disallowed, not said by the"
            + " proposal) (a bug in Keel; please report it)");
  }
}
