package dev.keel.io.read;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.ActionTerms;
import dev.keel.core.ledger.EsppOffering;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The transactions.csv columns of the actions that carry terms (transfer, split, rsu_vest,
 * espp_purchase, return_of_capital): which columns each needs and allows, read into {@link
 * ActionTerms}. Every other action leaves these columns empty.
 */
final class ActionTermsColumns {

  /** Columns only the actions with terms use. */
  static final List<String> COLUMNS =
      List.of("to_account", "ratio", "fmv", "offering_date", "offering_fmv", "offering_price", "reported_basis");

  static final Set<Action> OWNED =
      EnumSet.of(Action.TRANSFER, Action.SPLIT, Action.RSU_VEST, Action.ESPP_PURCHASE, Action.RETURN_OF_CAPITAL);

  /** For each owned action: the columns it must have, then the ones it may have; all others must be empty. */
  private static final Map<Action, List<List<String>>> SHAPES = Map.of(
      Action.TRANSFER, List.of(List.of("symbol", "quantity", "to_account"), List.of("lot_id")),
      Action.SPLIT, List.of(List.of("symbol", "ratio"), List.of("account")),
      Action.RSU_VEST, List.of(List.of("symbol", "quantity"), List.of("price", "amount", "fees", "lot_id", "reported_basis")),
      Action.ESPP_PURCHASE, List.of(List.of("symbol", "quantity", "fmv", "offering_date", "offering_fmv", "offering_price"),
          List.of("price", "amount", "fees", "lot_id", "reported_basis")),
      Action.RETURN_OF_CAPITAL, List.of(List.of("symbol", "amount"), List.of()));

  private static final List<String> ALL = List.of("account", "symbol", "quantity", "price", "amount", "fees", "lot_id",
      "to_account", "ratio", "fmv", "offering_date", "offering_fmv", "offering_price", "reported_basis");

  private static final Map<String, String> WHAT = Map.of(
      "to_account", "to_account, the account receiving the shares",
      "ratio", "a ratio NEW:OLD (4:1, or 1:10 for a reverse split)",
      "fmv", "fmv, the fair market value per share on the purchase date",
      "offering_date", "offering_date, the first day of the offering period (the grant date)",
      "offering_fmv", "offering_fmv, the fair market value per share on the offering date",
      "offering_price", "offering_price, the option price figured at the offering date (usually 85% of offering_fmv)",
      "amount", "an amount");

  private ActionTermsColumns() {}

  /** Whether {@code action} needs no account (a split applies to every account when none is named). */
  static boolean accountOptional(String rawAction) {
    return rawAction != null && Action.find(rawAction).filter(a -> a == Action.SPLIT).isPresent();
  }

  /** For an action without terms: each of the terms columns that is filled is a problem. */
  static void rejectTermsColumns(Action action, CsvTable.Row r) {
    for (String column : COLUMNS) {
      if (!r.cell(column).blank()) {
        r.cell(column).fail("is not used by " + action.code() + "; leave it empty");
      }
    }
  }

  /**
   * Checks an owned action's row (required and unused columns, values) and reads its terms; empty
   * when a problem was recorded or the action has none.
   */
  static Optional<ActionTerms> read(Action action, CsvTable.Row r, Optional<LocalDate> date) {
    int before = r.problems().size();
    List<String> required = SHAPES.get(action).get(0);
    List<String> optional = SHAPES.get(action).get(1);
    for (String column : required) {
      if (r.cell(column).blank()) {
        r.cell(column).fail(action.code() + " needs " + WHAT.getOrDefault(column, "a " + column));
      }
    }
    if ((action == Action.RSU_VEST || action == Action.ESPP_PURCHASE) && r.cell("price").blank() && r.cell("amount").blank()) {
      r.cell("price").fail(action.code() + " needs a price or an amount"
          + (action == Action.RSU_VEST ? " (the fair market value at vest)" : " (what was paid)"));
    }
    for (String column : ALL) {
      if (!required.contains(column) && !optional.contains(column) && !column.equals("account") && !r.cell(column).blank()) {
        r.cell(column).fail("is not used by " + action.code() + "; leave it empty");
      }
    }
    if (action == Action.RETURN_OF_CAPITAL) {
      r.cell("amount").positive();
    }
    Optional<ActionTerms> terms = switch (action) {
      case TRANSFER -> r.cell("to_account").id(AccountId::of, "account id").map(ActionTerms.Transfer::new);
      case SPLIT -> r.cell("ratio").text().flatMap(text -> ActionTerms.Split.parse(text)
          .or(() -> r.cell("ratio").fail("is not a split ratio: expected NEW:OLD with two different positive numbers,"
              + " e.g. 4:1 for a 4-for-1 split or 1:10 for a 1-for-10 reverse split")))
          .map(ActionTerms.class::cast);
      case RSU_VEST -> Optional.of(new ActionTerms.Award(r.cell("reported_basis").nonNegative(), Optional.empty()));
      case ESPP_PURCHASE -> espp(r, date);
      default -> Optional.empty();
    };
    return r.problems().size() == before ? terms : Optional.empty();
  }

  private static Optional<ActionTerms> espp(CsvTable.Row r, Optional<LocalDate> date) {
    Optional<BigDecimal> reported = r.cell("reported_basis").nonNegative();
    return esppOffering(r, date, "").map(offering -> new ActionTerms.Award(reported, Optional.of(offering)));
  }

  /**
   * The ESPP facts of a row (fmv, offering_date, offering_fmv, offering_price), shared by
   * transactions.csv's espp_purchase and lots.csv's espp lots; {@code dateColumn} names the
   * purchase date's column in the message (empty when it is the row's date).
   */
  static Optional<EsppOffering> esppOffering(CsvTable.Row r, Optional<LocalDate> purchased, String dateColumn) {
    Optional<BigDecimal> fmv = r.cell("fmv").positive();
    Optional<LocalDate> offeringDate = r.cell("offering_date").date();
    Optional<BigDecimal> offeringFmv = r.cell("offering_fmv").positive();
    Optional<BigDecimal> offeringPrice = r.cell("offering_price").positive();
    if (offeringDate.isPresent() && purchased.isPresent() && offeringDate.get().isAfter(purchased.get())) {
      r.cell("offering_date").fail("is after the purchase date " + purchased.get() + dateColumn
          + "; the offering (grant) date comes first");
      return Optional.empty();
    }
    if (offeringFmv.isPresent() && offeringPrice.isPresent() && offeringPrice.get().compareTo(offeringFmv.get()) > 0) {
      r.cell("offering_price").fail("is more than offering_fmv " + offeringFmv.get().toPlainString()
          + "; expected the option price figured at the offering date (usually 85% of offering_fmv)");
      return Optional.empty();
    }
    if (fmv.isEmpty() || offeringDate.isEmpty() || offeringFmv.isEmpty() || offeringPrice.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new EsppOffering(offeringDate.get(), offeringFmv.get(), offeringPrice.get(), fmv.get()));
  }
}
