package dev.keel.store.household;

import dev.keel.core.problem.Problem;
import java.util.List;

/** A stored household no longer loads: its rows were validated on the way in, so this is a defect, not bad input. */
public final class StoredDataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoredDataException(HouseholdId id, List<Problem> problems) {
    super("stored household " + id + " does not load: " + problems.size() + " problem(s); first: " + problems.get(0));
  }
}
