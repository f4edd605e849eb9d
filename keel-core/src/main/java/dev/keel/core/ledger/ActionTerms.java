package dev.keel.core.ledger;

import dev.keel.core.household.AccountId;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a transaction row says beyond date, account, symbol, quantity, price and amount: the
 * destination of an in-kind transfer, the ratio of a split, the facts of an employer-stock
 * acquisition. Each action that needs terms has its own kind; the others carry none.
 */
public sealed interface ActionTerms permits ActionTerms.Transfer, ActionTerms.Split, ActionTerms.Award {

  /** An in-kind transfer's receiving account. */
  record Transfer(AccountId to) implements ActionTerms {
    public Transfer {
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * A split of {@code oldShares} into {@code newShares}: 4-for-1 is {@code 4:1}, a 1-for-10
   * reverse split {@code 1:10}. Both positive.
   */
  record Split(BigDecimal newShares, BigDecimal oldShares) implements ActionTerms {
    public Split {
      if (newShares == null || newShares.signum() <= 0 || oldShares == null || oldShares.signum() <= 0) {
        throw new IllegalArgumentException("a split ratio needs two positive numbers, new:old");
      }
      if (newShares.compareTo(oldShares) == 0) {
        throw new IllegalArgumentException("a split ratio of " + newShares + ":" + oldShares + " changes nothing");
      }
    }

    /** Parses {@code NEW:OLD}, e.g. {@code 4:1} or {@code 1:10}. */
    public static Optional<Split> parse(String text) {
      String[] parts = text.trim().split(":", -1);
      if (parts.length != 2) {
        return Optional.empty();
      }
      try {
        BigDecimal n = new BigDecimal(parts[0].trim());
        BigDecimal o = new BigDecimal(parts[1].trim());
        if (n.signum() <= 0 || o.signum() <= 0 || n.compareTo(o) == 0 || !sane(n) || !sane(o)) {
          return Optional.empty();
        }
        return Optional.of(new Split(n, o));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    /** At most 9 digits before and 6 after the point: no real split needs more. */
    private static boolean sane(BigDecimal value) {
      return value.precision() - value.scale() <= 9 && value.scale() <= 6;
    }

    @Override
    public String toString() {
      return newShares.toPlainString() + ":" + oldShares.toPlainString();
    }
  }

  /**
   * An RSU vest or ESPP purchase.
   *
   * @param reportedBasis the lot's total basis as the broker will report it on Form 1099-B, when
   *     the row gives it; by default 0 for an RSU vest and the price paid for an ESPP purchase,
   *     since brokers report basis without the compensation part (Treas. Reg. §1.6045-1(d)(6)(ii)(C))
   * @param offering the ESPP offering facts; present exactly for ESPP purchases
   */
  record Award(Optional<BigDecimal> reportedBasis, Optional<EsppOffering> offering) implements ActionTerms {
    public Award {
      Objects.requireNonNull(reportedBasis, "reportedBasis");
      Objects.requireNonNull(offering, "offering");
      reportedBasis.ifPresent(b -> {
        if (b.signum() < 0) {
          throw new IllegalArgumentException("reported basis must not be negative: " + b);
        }
      });
    }
  }
}
