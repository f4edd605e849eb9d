package dev.keel.store.household;

import dev.keel.core.problem.Problem;
import java.util.List;

/** What an import or an append did: stored everything, or nothing and here is every problem. */
public sealed interface ImportOutcome {

  record Stored(HouseholdId id, int rows) implements ImportOutcome {}

  record Rejected(List<Problem> problems) implements ImportOutcome {
    public Rejected {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one problem");
      }
    }
  }

  /** The household id is taken (import) or unknown (append). */
  record Conflict(String message) implements ImportOutcome {}
}
