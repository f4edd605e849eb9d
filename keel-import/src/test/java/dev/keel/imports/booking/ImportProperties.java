package dev.keel.imports.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * However a statement's days are split into overlapping exports, each listing its rows newest first
 * (as the custodians do) or oldest first, the household ends with the same ledger: when the exports
 * are imported together in any order, and when they are imported one run each from the oldest, some
 * of them twice. A day's rows keep the statement's order within the day (a buy and then a sale of
 * the new shares on one day book in that order), so only the order of files and the direction of
 * each file vary, never the order of one day's rows.
 *
 * <p>(Run by run, a later export cannot come before an earlier one: its sales and payments would
 * find no shares or cash yet, and the ledger check refuses them, naming the rows.)
 */
class ImportProperties {

  private static final String HEADER = "Account Number,Trade Date,Settlement Date,Transaction Type,Transaction Description,"
      + "Investment Name,Symbol,Shares,Share Price,Principal Amount,Commission Fees,Net Amount,Accrued Interest,Account Type,";

  /** A year of a taxable account at Vanguard, with two identical purchases on one day. */
  private static final List<String> ROWS = List.of(
      row("2026-01-05", "Funds Received", "", "0", "0", "10000.00"),
      row("2026-01-06", "Buy", "VTI", "10", "250.00", "-2500.00"),
      row("2026-01-06", "Buy", "VTI", "10", "250.00", "-2500.00"),
      row("2026-02-10", "Buy", "BND", "20.5", "72.00", "-1476.00"),
      row("2026-03-31", "Dividend", "VTI", "0", "0", "12.34"),
      row("2026-03-31", "Reinvestment", "VTI", "0.05", "246.80", "-12.34"),
      row("2026-04-15", "Sell", "VTI", "-5", "260.00", "1300.00"),
      row("2026-05-01", "Fee", "", "0", "0", "-20.00"),
      row("2026-06-01", "Withdrawal", "", "0", "0", "-500.00"),
      row("2026-06-01", "Interest", "", "0", "0", "3.21"),
      row("2026-07-07", "Sell", "BND", "-10", "73.00", "730.00"),
      row("2026-07-07", "Buy", "VTI", "2", "270.00", "-540.00"),
      // 10.5 BND held: 5 bought, then 15 sold, on one day; booked sales-first the sale would find too few shares.
      row("2026-08-03", "Buy", "BND", "5", "74.00", "-370.00"),
      row("2026-08-03", "Sell", "BND", "-15", "74.50", "1117.50"));

  private static String row(String date, String type, String symbol, String shares, String price, String net) {
    return String.join(",", "Z11112222", date, date, type, type, symbol.isEmpty() ? "" : symbol + " FUND", symbol, shares, price, net,
        "0.0", net, "0.0", "CASH", "");
  }

  @Property(tries = 60)
  void any_permutation_or_overlapping_split_imports_to_the_same_ledger(@ForAll long seed, @ForAll boolean oneRun) {
    Random random = new Random(seed);
    Result whole = importAll(List.of(List.of(file("whole.csv", newestFirst(ROWS)))));
    List<String> dates = new ArrayList<>(new TreeSet<>(ROWS.stream().map(r -> r.split(",")[1]).toList()));
    // Windows of consecutive days covering every day, each overlapping the previous by up to two days.
    List<StatementFile> files = new ArrayList<>();
    int start = 0;
    int n = 0;
    while (start < dates.size()) {
      int end = Math.min(dates.size() - 1, start + random.nextInt(4));
      Set<String> days = new TreeSet<>(dates.subList(start, end + 1));
      List<String> rows = new ArrayList<>(ROWS.stream().filter(r -> days.contains(r.split(",")[1])).toList());
      if (days.size() == 1 || random.nextBoolean()) {
        rows = newestFirst(rows);
      }
      files.add(file("part" + (n++) + ".csv", rows));
      if (end == dates.size() - 1) {
        break;
      }
      start = Math.max(start + 1, end + 1 - random.nextInt(3));
    }
    // Some files twice, as a user downloading again would.
    if (random.nextBoolean()) {
      files.add(files.get(random.nextInt(files.size())));
    }
    Result split;
    if (oneRun) {
      Collections.shuffle(files, random);
      split = importAll(List.of(files));
    } else {
      split = importAll(files.stream().map(List::of).toList());
    }
    assertThat(split.rows()).isEqualTo(whole.rows());
    assertThat(split.books()).isEqualTo(whole.books());
  }

  private record Result(List<String> rows, String books) {}

  /** The rows as the custodians list them: the newest first (the reverse of ROWS, which is oldest first). */
  private static List<String> newestFirst(List<String> rows) {
    List<String> out = new ArrayList<>(rows);
    Collections.reverse(out);
    return out;
  }

  /** Imports each group of files in one run, the groups in order, applying every plan before the next. */
  private static Result importAll(List<List<StatementFile>> runs) {
    HouseholdData data = Fixtures.household(Fixtures.FIXTURE_HOUSEHOLD);
    ImportLog log = ImportLog.EMPTY;
    for (List<StatementFile> files : runs) {
      ImportPlan plan = ImportService.DEFAULT.plan(new ImportRequest(data, Fixtures.numbers(Fixtures.FIXTURE_HOUSEHOLD), log, Set.of(),
          files, Optional.empty(), Fixtures.STATEMENT_DATE));
      assertThat(plan.problems()).as(files.toString()).isEmpty();
      data = Fixtures.apply(data, plan);
      log = Fixtures.log(log, plan);
    }
    List<String> rows = new ArrayList<>();
    for (Transaction t : data.transactions()) {
      rows.add(t.date() + " " + t.account() + " " + t.action().code() + " " + t.symbol().map(Object::toString).orElse("") + " "
          + t.quantity().map(q -> q.stripTrailingZeros().toPlainString()).orElse("") + " " + t.gross().toPlainString() + " " + t.fees());
    }
    Collections.sort(rows);
    LedgerResult books = HouseholdEngine.DEFAULT.books(data, Optional.empty(), 2026);
    StringBuilder out = new StringBuilder();
    books.positions().forEach(p -> out.append(p.account().id()).append(" cash ").append(p.cash().toPlainString()).append(' ')
        .append(new java.util.TreeMap<>(p.quantities())).append('\n'));
    books.lots().stream().map(l -> l.account() + " " + l.symbol() + " " + l.quantity().toPlainString() + " " + l.costBasis().toPlainString()
        + " " + l.acquired()).sorted().forEach(l -> out.append(l).append('\n'));
    return new Result(rows, out.toString());
  }

  private static StatementFile file(String name, List<String> rows) {
    return new StatementFile(name, (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
