package dev.keel.imports.csv;

import dev.keel.core.problem.Problem;
import dev.keel.imports.statement.Activity;
import dev.keel.imports.statement.ActivityKind;
import dev.keel.imports.statement.CashLine;
import dev.keel.imports.statement.LotLine;
import dev.keel.imports.statement.PositionLine;
import dev.keel.imports.statement.SecurityRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the formats of one file produce, collected: activities, positions, cash, lots and problems.
 * An activity's fingerprint is its content in a canonical form (date, account, kind, the
 * custodian's words, security, quantity, price, amount, fees), never its line: the same row in a
 * later, overlapping export has the same fingerprint.
 */
public final class StatementParts {

  final List<Activity> activities = new ArrayList<>();
  final List<PositionLine> positions = new ArrayList<>();
  final List<CashLine> cash = new ArrayList<>();
  final List<LotLine> lots = new ArrayList<>();
  final List<Problem> problems;

  StatementParts(List<Problem> problems) {
    this.problems = problems;
  }

  public List<Problem> problems() {
    return problems;
  }

  public void activity(CsvRow row, Optional<String> account, LocalDate date, ActivityKind kind, String label,
      Optional<SecurityRef> security, Optional<BigDecimal> quantity, Optional<BigDecimal> price, Optional<BigDecimal> amount,
      BigDecimal fees) {
    String fingerprint = String.join("|", date.toString(), account.orElse(""), kind.name(), label,
        security.flatMap(SecurityRef::symbol).map(Object::toString).orElse(security.map(SecurityRef::name).orElse("")),
        plain(quantity), plain(price), plain(amount), plain(Optional.of(fees)));
    activities.add(new Activity(row.origin(), account, "", date, kind, label, security, quantity.map(BigDecimal::abs),
        price.map(BigDecimal::abs), amount.map(BigDecimal::abs), fees.abs(), fingerprint));
  }

  public void position(PositionLine line) {
    positions.add(line);
  }

  public void cash(CashLine line) {
    cash.add(line);
  }

  public void lot(CsvRow row, Optional<String> account, SecurityRef security, BigDecimal quantity, BigDecimal basis,
      LocalDate acquired, BigDecimal disallowed, Optional<LocalDate> asOf) {
    String fingerprint = String.join("|", account.orElse(""), security.symbol().map(Object::toString).orElse(security.name()),
        plain(Optional.of(quantity)), plain(Optional.of(basis)), acquired.toString());
    lots.add(new LotLine(row.origin(), account, security, quantity, basis, acquired, disallowed, asOf, fingerprint));
  }

  private static String plain(Optional<BigDecimal> value) {
    return value.map(v -> v.abs().stripTrailingZeros().toPlainString()).orElse("");
  }
}
