package dev.keel.cli;

/** A problem with how a command was called (a folder that does not exist, say): exit status 2. */
final class UsageProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageProblem(String message) {
    super(message);
  }
}
