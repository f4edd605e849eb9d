package dev.keel.broker.execute;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one approved proposal: the first 12 hex digits of the SHA-256 of its as-of date and
 * trades (account, symbol, side, quantity, in order). The same proposal read twice has the same id,
 * so its journal and its client order ids are found again; a different proposal never shares them.
 */
public record ProposalId(String value) {

  private static final Pattern VALID = Pattern.compile("[0-9a-z]{6,24}");

  public ProposalId {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("proposal id must be 6 to 24 lower-case letters or digits: \"" + value + "\"");
    }
  }

  public static ProposalId of(String value) {
    return new ProposalId(value);
  }

  /** The id of a proposal from its canonical text (see {@link ExecutionPlan#canonical()}). */
  public static ProposalId digest(String canonical) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return new ProposalId(HexFormat.of().formatHex(hash).substring(0, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
