package dev.keel.imports.booking;

import dev.keel.core.problem.Problem;
import dev.keel.imports.statement.SecurityRef;
import java.util.List;

/**
 * The outcome of an import, before anything is written: the rows to add (transactions in
 * booking order, opening lots, prices), what was skipped as already imported, what is not imported
 * yet and why, what was not understood, securities not in the policy, the reconciliation of the
 * statements' positions with the ledger after the import, and the problems that stop it.
 *
 * @param formats each file with the format it was read as ({@code name: format})
 * @param corrections OFX corrections applied in this import: their corrected ids go to the import
 *     log, so that an older download holding the corrected transaction never adds it
 */
public record ImportPlan(
    List<String> formats,
    List<NewRow.NewTransaction> transactions,
    List<NewRow.NewLot> lots,
    List<NewRow.NewPrice> prices,
    List<Note> alreadyImported,
    List<Note> notImported,
    List<Note> notUnderstood,
    List<SecurityRef> unknownSecurities,
    List<Difference> reconciliation,
    List<Problem> problems,
    List<Correction> corrections) {

  public ImportPlan {
    formats = List.copyOf(formats);
    transactions = List.copyOf(transactions);
    lots = List.copyOf(lots);
    prices = List.copyOf(prices);
    alreadyImported = List.copyOf(alreadyImported);
    notImported = List.copyOf(notImported);
    notUnderstood = List.copyOf(notUnderstood);
    unknownSecurities = List.copyOf(unknownSecurities);
    reconciliation = List.copyOf(reconciliation);
    problems = List.copyOf(problems);
    corrections = List.copyOf(corrections);
  }

  static ImportPlan failed(List<String> formats, List<Problem> problems, List<SecurityRef> unknown) {
    List<Problem> sorted = new java.util.ArrayList<>(problems);
    sorted.sort(java.util.Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
    return new ImportPlan(formats, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), unknown, List.of(), sorted, List.of());
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  public boolean addsNothing() {
    return transactions.isEmpty() && lots.isEmpty() && prices.isEmpty() && corrections.isEmpty();
  }

  public List<Difference> differences() {
    return reconciliation.stream().filter(d -> !d.agrees()).toList();
  }
}
