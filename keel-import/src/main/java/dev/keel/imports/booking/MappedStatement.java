package dev.keel.imports.booking;

import dev.keel.core.household.AccountId;
import dev.keel.core.problem.Problem;
import dev.keel.imports.statement.CashLine;
import dev.keel.imports.statement.PositionLine;
import dev.keel.imports.statement.SecurityRef;
import java.util.List;

/** A statement turned into household rows, with what it could not turn into rows and its positions by account. */
record MappedStatement(
    List<NewRow> rows,
    List<Note> notImported,
    List<Note> notUnderstood,
    List<SecurityRef> unknownSecurities,
    List<Resolved<PositionLine>> positions,
    List<Resolved<CashLine>> cash,
    List<Problem> problems,
    List<Correction> corrections,
    List<PendingSplit> pendingSplits) {

  /** A statement item with the household account it belongs to. */
  record Resolved<T>(AccountId account, T item) {}
}
