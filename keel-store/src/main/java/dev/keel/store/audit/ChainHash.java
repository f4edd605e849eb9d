package dev.keel.store.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over an event's fields, each length-prefixed so that no two field lists hash alike. */
final class ChainHash {

  static final String GENESIS = "0".repeat(64);

  private ChainHash() {}

  static String of(String prevHash, long seq, String... fields) {
    MessageDigest sha = sha256();
    update(sha, prevHash);
    update(sha, Long.toString(seq));
    for (String field : fields) {
      update(sha, field);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void update(MessageDigest sha, String field) {
    if (field == null) {
      sha.update((byte) 0);
      return;
    }
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    sha.update((byte) 1);
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) ':');
    sha.update(bytes);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
