package dev.keel.store.proposal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A proposal's place in its lifecycle. Only {@code proposed} may be decided; execution
 * (submitted and after) belongs to the broker module.
 */
public enum ProposalStatus {
  PROPOSED, APPROVED, REJECTED, SUPERSEDED, EXPIRED, SUBMITTED, EXECUTED, PARTLY_EXECUTED, FAILED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ProposalStatus> find(String text) {
    return Arrays.stream(values()).filter(s -> s.code().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /** The statuses a proposal may move to from this one. */
  public Set<ProposalStatus> next() {
    return switch (this) {
      case PROPOSED -> Set.of(APPROVED, REJECTED, SUPERSEDED, EXPIRED);
      case APPROVED -> Set.of(SUBMITTED, SUPERSEDED, EXPIRED);
      case SUBMITTED -> Set.of(EXECUTED, PARTLY_EXECUTED, FAILED);
      default -> Set.of();
    };
  }
}
