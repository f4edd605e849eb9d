package dev.keel.core.problem;

import java.util.List;

/**
 * Thrown where a caller asked for a value that cannot be had because the input has problems. It
 * carries all of them, never just the first.
 */
public final class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public InvalidInputException(List<Problem> problems) {
    super(problems.size() + " problem(s) in the input; first: " + (problems.isEmpty() ? "none" : problems.get(0)));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
