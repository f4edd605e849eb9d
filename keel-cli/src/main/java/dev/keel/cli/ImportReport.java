package dev.keel.cli;

import dev.keel.core.ledger.ActionTerms;
import dev.keel.core.ledger.Transaction;
import dev.keel.imports.booking.Difference;
import dev.keel.imports.booking.ImportPlan;
import dev.keel.imports.booking.NewRow;
import dev.keel.imports.booking.Note;
import dev.keel.imports.statement.SecurityRef;
import dev.keel.io.report.Fmt;
import dev.keel.io.report.TextTable;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/** Prints an import plan: what was added, skipped and not imported, unknown securities, and the reconciliation. */
final class ImportReport {

  private ImportReport() {}

  static void print(PrintWriter out, ImportPlan plan, Path dir, boolean dryRun) {
    out.println((dryRun ? "Dry run: nothing written to " : "Imported into ") + dir);
    plan.formats().forEach(f -> out.println("  " + f));
    out.println();
    out.println((dryRun ? "Would add " : "Added ") + plan.transactions().size() + " transactions, " + plan.lots().size()
        + " opening lots, " + plan.prices().size() + " prices.");
    if (!plan.transactions().isEmpty()) {
      TextTable t = new TextTable(List.of("date", "account", "action", "symbol", "quantity", "amount", "fees", "from"),
          false, false, false, false, true, true, true, false);
      for (NewRow.NewTransaction n : plan.transactions()) {
        Transaction tx = n.transaction();
        // A transfer moves shares to another account and a split has a ratio: neither has an amount.
        String amount = tx.amount().isPresent() || tx.price().isPresent() ? Fmt.money(tx.gross())
            : tx.terms().map(x -> x instanceof ActionTerms.Transfer tr ? "to " + tr.to() : x.toString()).orElse("");
        t.row(tx.date().toString(), tx.account().toString(), tx.action().code(), tx.symbol().map(Object::toString).orElse(""),
            tx.quantity().map(BigDecimal::toPlainString).orElse(""), amount,
            tx.fees().signum() == 0 ? "" : Fmt.money(tx.fees()), where(n.origin().file(), n.origin().line()) + " " + n.label());
      }
      out.print(indent(t.render()));
    }
    if (!plan.lots().isEmpty()) {
      TextTable t = new TextTable(List.of("account", "symbol", "quantity", "cost basis", "acquired", "wash sale disallowed", "from"),
          false, false, true, true, false, true, false);
      for (NewRow.NewLot l : plan.lots()) {
        t.row(l.lot().account().toString(), l.lot().symbol().toString(), l.lot().quantity().toPlainString(), Fmt.money(l.lot().costBasis()),
            l.lot().acquired().map(Object::toString).orElse(""),
            l.washSaleDisallowed().signum() == 0 ? "" : Fmt.money(l.washSaleDisallowed()) + " (in the basis)",
            where(l.origin().file(), l.origin().line()));
      }
      out.println("Opening lots:");
      out.print(indent(t.render()));
    }
    if (!plan.prices().isEmpty()) {
      out.println("Prices: " + String.join(", ", plan.prices().stream()
          .map(p -> p.symbol() + " " + p.price().toPlainString() + " on " + p.date()).toList()));
    }
    if (!plan.corrections().isEmpty()) {
      out.println("OFX corrections applied (" + plan.corrections().size() + "): "
          + String.join(", ", plan.corrections().stream().map(c -> c.action() + " of " + c.corrected() + " by "
              + where(c.origin().file(), c.origin().line())).toList()));
    }
    notes(out, "Skipped as already imported", plan.alreadyImported());
    notes(out, "Not imported", plan.notImported());
    notes(out, "Not understood", plan.notUnderstood());
    unknownSecurities(out, plan);
    if (!plan.reconciliation().isEmpty()) {
      out.println();
      reconciliation(out, plan);
    }
  }

  static void unknownSecurities(PrintWriter out, ImportPlan plan) {
    if (plan.unknownSecurities().isEmpty()) {
      return;
    }
    out.println();
    out.println("Securities not in policy.yaml (" + plan.unknownSecurities().size() + "); add the ones you hold under securities:");
    for (SecurityRef s : plan.unknownSecurities()) {
      out.println("  " + s.describe());
    }
  }

  static void reconciliation(PrintWriter out, ImportPlan plan) {
    out.println("Reconciliation: statement against ledger, per account and symbol on the statement's date");
    TextTable t = new TextTable(List.of("account", "date", "symbol", "statement", "ledger", "difference", ""),
        false, false, false, true, true, true, false);
    for (Difference d : plan.reconciliation()) {
      boolean cash = d.symbol().equals("cash");
      t.row(d.account().toString(), d.date().toString(), d.symbol(), cash ? Fmt.money(d.statement()) : plain(d.statement()),
          cash ? Fmt.money(d.ledger()) : plain(d.ledger()), d.agrees() ? "" : (cash ? Fmt.money(d.difference()) : plain(d.difference())),
          d.agrees() ? "ok" : "DIFFERS");
    }
    out.print(indent(t.render()));
    int differ = plan.differences().size();
    out.println(differ == 0 ? "All " + plan.reconciliation().size() + " lines agree."
        : "DIFFERENCES: " + differSentence(plan) + ".");
  }

  /** "2 of 13 lines differ" (the ledger against the statements). */
  static String differSentence(ImportPlan plan) {
    int differ = plan.differences().size();
    return differ + " of " + plan.reconciliation().size() + (differ == 1 ? " line differs" : " lines differ");
  }

  private static void notes(PrintWriter out, String title, List<Note> notes) {
    if (notes.isEmpty()) {
      return;
    }
    out.println();
    out.println(title + " (" + notes.size() + "):");
    for (Note n : notes) {
      out.println("  " + where(n.origin().file(), n.origin().line()) + " " + n.date().map(Object::toString).orElse("") + " "
          + n.account().orElse("") + " " + n.what() + ": " + n.reason());
    }
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  /** The file's name without its folder, to keep the tables narrow; problems name the path as given. */
  private static String where(String file, int line) {
    String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    return line > 0 ? name + ":" + line : name;
  }

  private static String indent(String table) {
    StringBuilder out = new StringBuilder();
    table.lines().forEach(l -> out.append("  ").append(l).append('\n'));
    return out.toString();
  }
}
