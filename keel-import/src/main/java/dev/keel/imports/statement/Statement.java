package dev.keel.imports.statement;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything read from one brokerage file.
 *
 * @param format the format recognised ("OFX 1.x (SGML)", "Schwab transactions CSV")
 * @param custodian short name used in import ids ({@code ofx}, {@code schwab}, {@code fidelity}, {@code vanguard})
 * @param accountNumber the account the whole file is about, when the file says so; rows may name
 *     their own account instead
 * @param securities the file's security list (OFX SECLIST), used to name securities by CUSIP
 */
public record Statement(
    String file,
    String format,
    String custodian,
    Optional<String> accountNumber,
    List<Activity> activities,
    List<PositionLine> positions,
    List<CashLine> cash,
    List<LotLine> lots,
    List<SecurityRef> securities) {

  public Statement {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(custodian, "custodian");
    Objects.requireNonNull(accountNumber, "accountNumber");
    activities = List.copyOf(activities);
    positions = List.copyOf(positions);
    cash = List.copyOf(cash);
    lots = List.copyOf(lots);
    securities = List.copyOf(securities);
  }
}
