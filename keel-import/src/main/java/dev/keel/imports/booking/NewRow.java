package dev.keel.imports.booking;

import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.security.Symbol;
import dev.keel.imports.statement.Origin;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A row an import adds to the household folder, with the id that keeps it from being added twice. */
public sealed interface NewRow {

  String importId();

  Origin origin();

  /**
   * A transactions.csv row; {@code label} is the custodian's words for it, {@code sequence} its
   * place in its statement's own chronology (ordering a day's rows).
   */
  record NewTransaction(String importId, Transaction transaction, String label, Origin origin, int sequence) implements NewRow {
    public NewTransaction {
      Objects.requireNonNull(importId, "importId");
      Objects.requireNonNull(transaction, "transaction");
    }

    public NewTransaction(String importId, Transaction transaction, String label, Origin origin) {
      this(importId, transaction, label, origin, 0);
    }
  }

  /**
   * A lots.csv row: from a lot-details export dated {@code asOf}, or shares transferred in from
   * outside the household on {@code asOf} with their basis and acquisition date.
   *
   * @param washSaleDisallowed the disallowed loss the custodian reports as included in the basis
   * @param transferredIn whether the lot came in by a transfer rather than from a lot-details export
   *     (it does not make the account's earlier rows part of the lots)
   */
  record NewLot(String importId, OpeningLot lot, LocalDate asOf, BigDecimal washSaleDisallowed, Origin origin, boolean transferredIn)
      implements NewRow {
    public NewLot {
      Objects.requireNonNull(importId, "importId");
      Objects.requireNonNull(lot, "lot");
    }

    public NewLot(String importId, OpeningLot lot, LocalDate asOf, BigDecimal washSaleDisallowed, Origin origin) {
      this(importId, lot, asOf, washSaleDisallowed, origin, false);
    }
  }

  /** A prices.csv row from a statement's valuation of a position. */
  record NewPrice(String importId, Symbol symbol, LocalDate date, BigDecimal price, Origin origin) implements NewRow {
    public NewPrice {
      Objects.requireNonNull(importId, "importId");
      Objects.requireNonNull(symbol, "symbol");
    }
  }
}
