package dev.keel.imports.booking;

import dev.keel.core.household.AccountId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable ids for imported rows, stored in imports.csv so that importing the same statement again,
 * or an overlapping one, adds nothing.
 *
 * <ul>
 *   <li>OFX: {@code ofx:ACCOUNT:FITID}; the specification makes a FITID unique within an account
 *       and stable across downloads.
 *   <li>CSV: {@code CUSTODIAN:ACCOUNT:HASH#N}, HASH the first 16 hex digits of the SHA-256 of the
 *       row's canonical content, N its occurrence among identical rows of the same file and
 *       account. Two identical rows (two buys of 10 shares at the same price on one day) are two
 *       activities; the same row in an overlapping export is the same one.
 * </ul>
 */
public final class ImportIds {

  private ImportIds() {}

  public static String ofx(AccountId account, String fitid) {
    return "ofx:" + account + ":" + fitid.replace(',', ';');
  }

  public static String csv(String custodian, AccountId account, String fingerprint, int occurrence) {
    return custodian + ":" + account + ":" + hash(fingerprint) + "#" + occurrence;
  }

  public static String price(String symbol, java.time.LocalDate date) {
    return "price:" + symbol + ":" + date;
  }

  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
