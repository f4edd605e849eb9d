package dev.keel.store.proposal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a household's proposals are acted on: {@code dry_run} (made, alerted and recorded, never
 * approvable), {@code approve} (a person approves each), {@code auto} (approved after a notice
 * period unless vetoed).
 */
public enum ExecutionMode {
  DRY_RUN, APPROVE, AUTO;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ExecutionMode> find(String text) {
    return Arrays.stream(values()).filter(m -> m.code().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
