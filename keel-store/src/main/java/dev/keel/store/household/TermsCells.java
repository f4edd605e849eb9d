package dev.keel.store.household;

import dev.keel.core.ledger.ActionTerms;
import dev.keel.core.ledger.Transaction;
import java.math.BigDecimal;
import java.util.List;

/**
 * The transactions.csv columns of the actions with terms (transfer, split, rsu_vest,
 * espp_purchase), written as the transactions loader reads them, so a stored transfer, split or
 * award loads back whole.
 */
final class TermsCells {

  /** In the order of transactions.csv (docs/formats.md). */
  static final List<String> COLUMNS =
      List.of("to_account", "ratio", "fmv", "offering_date", "offering_fmv", "offering_price", "reported_basis");

  private TermsCells() {}

  /** The seven cells of {@link #COLUMNS}; null where the transaction has nothing to say. */
  static String[] of(Transaction t) {
    String[] cells = new String[COLUMNS.size()];
    if (t.terms().isEmpty()) {
      return cells;
    }
    ActionTerms terms = t.terms().get();
    if (terms instanceof ActionTerms.Transfer transfer) {
      cells[0] = transfer.to().value();
    } else if (terms instanceof ActionTerms.Split split) {
      cells[1] = split.toString();
    } else if (terms instanceof ActionTerms.Award award) {
      award.offering().ifPresent(o -> {
        cells[2] = o.purchaseFmv().toPlainString();
        cells[3] = o.offeringDate().toString();
        cells[4] = o.offeringFmv().toPlainString();
        cells[5] = o.offeringPrice().toPlainString();
      });
      cells[6] = award.reportedBasis().map(BigDecimal::toPlainString).orElse(null);
    }
    return cells;
  }
}
