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

  /** A transactions.csv row; {@code label} is the custodian's words for it. */
  record NewTransaction(String importId, Transaction transaction, String label, Origin origin) implements NewRow {
    public NewTransaction {
      Objects.requireNonNull(importId, "importId");
      Objects.requireNonNull(transaction, "transaction");
    }
  }

  /**
   * A lots.csv row from a lot-details export dated {@code asOf}.
   *
   * @param washSaleDisallowed the disallowed loss the custodian reports as included in the basis
   */
  record NewLot(String importId, OpeningLot lot, LocalDate asOf, BigDecimal washSaleDisallowed, Origin origin) implements NewRow {
    public NewLot {
      Objects.requireNonNull(importId, "importId");
      Objects.requireNonNull(lot, "lot");
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
