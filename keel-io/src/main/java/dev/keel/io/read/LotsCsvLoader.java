package dev.keel.io.read;

import dev.keel.core.household.AccountId;
import dev.keel.core.household.BasisReporting;
import dev.keel.core.ledger.ActionTerms;
import dev.keel.core.ledger.LotId;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.problem.Problem;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Loads opening lots from lots.csv.
 *
 * <p>Columns: {@code account} (an account id of household.yaml), {@code symbol}, {@code quantity}
 * (shares, greater than zero, fractions allowed), {@code cost_basis} (total dollars for the lot,
 * fees included, not per share), {@code acquired} ({@code YYYY-MM-DD}; {@code inherited} or
 * {@code inherited:YYYY-MM-DD} for inherited shares, which are always long-term) and the optional
 * {@code lot_id} (unique in the household; generated as {@code account/SYMBOL/n} when absent) and
 * {@code basis_reported} ({@code true}, {@code false} or {@code no_1099b}: the lot's Form 8949 box
 * when it differs from its account's; needs a {@code lot_id}).
 *
 * <p>Employer stock held at the start: {@code award} ({@code rsu} or {@code espp}) makes the lot
 * behave as one an {@code rsu_vest} or {@code espp_purchase} row creates (IRS Publication 525): the
 * optional {@code reported_basis} (the lot's total basis on Form 1099-B; default 0 for RSU shares,
 * {@code cost_basis} for ESPP shares), and for ESPP shares the required {@code fmv} (value per share
 * on the purchase date), {@code offering_date}, {@code offering_fmv} and {@code offering_price}; for
 * ESPP shares {@code cost_basis} is the price paid. Per-share figures are for the lot's shares as
 * listed (after any split before the ledger starts).
 */
public final class LotsCsvLoader {

  public static final List<String> REQUIRED = List.of("account", "symbol", "quantity", "cost_basis", "acquired");
  public static final List<String> OPTIONAL = List.of("lot_id", "basis_reported", "award", "reported_basis", "fmv",
      "offering_date", "offering_fmv", "offering_price");
  private static final List<String> ESPP_FACTS = List.of("fmv", "offering_date", "offering_fmv", "offering_price");
  private static final String ACQUIRED_EXPECTED = "is not a date; expected YYYY-MM-DD, inherited or inherited:YYYY-MM-DD";

  private LotsCsvLoader() {}

  public static Loaded<List<OpeningLot>> load(String file, Reader reader) {
    List<Problem> problems = new ArrayList<>();
    List<OpeningLot> lots = new ArrayList<>();
    // One instance per distinct account and symbol: a million lots name a handful of each.
    Map<String, AccountId> accounts = new HashMap<>();
    Map<String, Symbol> symbols = new HashMap<>();
    List<Problem> structure = CsvTable.forEach(file, reader, REQUIRED, OPTIONAL, row -> {
      List<Problem> rowProblems = new ArrayList<>();
      CsvTable.Row r = new CsvTable.Row(row.file(), row.line(), row.values(), rowProblems);
      Optional<AccountId> account = r.cell("account").required()
          .flatMap(x -> r.cell("account").id(text -> accounts.computeIfAbsent(text, AccountId::of), "account id"));
      Optional<Symbol> symbol = r.cell("symbol").required()
          .flatMap(x -> r.cell("symbol").id(text -> symbols.computeIfAbsent(text, Symbol::of), "symbol"));
      Optional<BigDecimal> quantity = r.cell("quantity").required().flatMap(x -> r.cell("quantity").positive());
      Optional<BigDecimal> basis = r.cell("cost_basis").required().flatMap(x -> r.cell("cost_basis").nonNegative());
      Cell acquiredCell = r.cell("acquired");
      boolean inherited = false;
      Optional<LocalDate> acquired = Optional.empty();
      boolean acquiredOk = false;
      if (acquiredCell.required().isPresent()) {
        String text = acquiredCell.raw().trim();
        if (text.toLowerCase(java.util.Locale.ROOT).startsWith("inherited")) {
          inherited = true;
          String rest = text.substring("inherited".length());
          if (rest.isEmpty()) {
            acquiredOk = true;
          } else {
            // "inherited:" with no date, or a bad date after the colon, is reported with the whole value.
            acquired = rest.startsWith(":") ? parseDate(rest.substring(1)) : Optional.empty();
            acquiredOk = acquired.isPresent();
            if (!acquiredOk) {
              acquiredCell.fail(ACQUIRED_EXPECTED);
            }
          }
        } else {
          acquired = parseDate(text);
          acquiredOk = acquired.isPresent();
          if (!acquiredOk) {
            acquiredCell.fail(ACQUIRED_EXPECTED);
          }
        }
      }
      if (acquired.isPresent() && InputLimits.checkDate(acquired.get()).isPresent()) {
        acquiredCell.fail(InputLimits.checkDate(acquired.get()).get());
        acquiredOk = false;
      }
      Optional<LotId> lotId = r.cell("lot_id").id(LotId::of, "lot id (no spaces)");
      Optional<BasisReporting> reporting = r.cell("basis_reported")
          .oneOf(BasisReporting::find, "true (Form 1099-B reports basis to the IRS), false, or no_1099b");
      if (reporting.isPresent() && r.cell("lot_id").blank()) {
        r.cell("basis_reported").fail("needs a lot_id on the same row (the lot's sales are found by it)");
      }
      Optional<ActionTerms.Award> award = award(r, acquired, inherited);
      if (rowProblems.isEmpty() && acquiredOk) {
        lots.add(new OpeningLot(account.get(), symbol.get(), quantity.get(), basis.get(), acquired, inherited, lotId,
            SourceRef.of(file, row.line()), reporting, award));
      }
      problems.addAll(rowProblems);
    });
    // Problems of the file's structure first, as when the rows were read before being checked.
    List<Problem> all = new ArrayList<>(structure);
    all.addAll(problems);
    return Loaded.of(lots, all);
  }

  /**
   * The employer-stock facts of a row: empty for an ordinary lot; every problem recorded on the
   * row. The same facts, checked the same way, as an rsu_vest or espp_purchase row of
   * transactions.csv.
   */
  private static Optional<ActionTerms.Award> award(CsvTable.Row r, Optional<LocalDate> acquired, boolean inherited) {
    Optional<String> kind = r.cell("award").oneOf(t -> switch (t.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "rsu" -> Optional.of("rsu");
      case "espp" -> Optional.of("espp");
      default -> Optional.empty();
    }, "rsu (restricted stock units that vested) or espp (bought through an employee stock purchase plan)");
    if (kind.isEmpty()) {
      if (r.cell("award").blank()) {
        for (String column : List.of("reported_basis", "fmv", "offering_date", "offering_fmv", "offering_price")) {
          if (!r.cell(column).blank()) {
            r.cell(column).fail("is only for employer stock: give award rsu or espp on the same row, or leave it empty");
          }
        }
      }
      return Optional.empty();
    }
    if (inherited) {
      r.cell("award").fail("is for compensation shares, but acquired says inherited; an inherited lot has no award");
      return Optional.empty();
    }
    Optional<BigDecimal> reported = r.cell("reported_basis").nonNegative();
    if (kind.get().equals("rsu")) {
      for (String column : ESPP_FACTS) {
        if (!r.cell(column).blank()) {
          r.cell(column).fail("is not used by award rsu (only by espp); leave it empty");
        }
      }
      return Optional.of(new ActionTerms.Award(reported, Optional.empty()));
    }
    for (String column : ESPP_FACTS) {
      if (r.cell(column).blank()) {
        r.cell(column).fail("is required for award espp: " + switch (column) {
          case "fmv" -> "the fair market value per share on the purchase date";
          case "offering_date" -> "the first day of the offering period (the grant date), YYYY-MM-DD";
          case "offering_fmv" -> "the fair market value per share on the offering date";
          default -> "the option price figured at the offering date (usually 85% of offering_fmv)";
        });
      }
    }
    return ActionTermsColumns.esppOffering(r, acquired, " (acquired)")
        .map(offering -> new ActionTerms.Award(reported, Optional.of(offering)));
  }

  private static Optional<LocalDate> parseDate(String text) {
    try {
      return Optional.of(Cell.parseDate(text.trim()));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
