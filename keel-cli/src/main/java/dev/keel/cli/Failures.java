package dev.keel.cli;

import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns failures into messages and exit codes: bad input prints every problem and exits 2; any
 * other failure prints one line and exits 1. Never a stack trace (set KEEL_DEBUG=1 to see one).
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof InvalidInputException invalid) {
      for (Problem problem : invalid.problems()) {
        err.println(problem);
      }
      int n = invalid.problems().size();
      err.println("keel: " + n + (n == 1 ? " problem" : " problems") + " in the input; nothing was done.");
      return KeelCli.EXIT_INPUT;
    }
    if (e instanceof UsageProblem usage) {
      err.println("keel: " + usage.getMessage());
      return KeelCli.EXIT_INPUT;
    }
    err.println("keel: error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    if (System.getenv("KEEL_DEBUG") != null) {
      e.printStackTrace(err);
    }
    return KeelCli.EXIT_FAILURE;
  }
}
