package dev.keel.imports.statement;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What some activities carry beyond the common fields, as the file wrote it.
 *
 * @param otherAccount for a transfer of securities: the account number at the other end, when
 *     the file names it (OFX {@code TRANSFER/INVACCTFROM/ACCTID})
 * @param splitRatio for a split: {@code NEW:OLD} (OFX {@code NUMERATOR:DENOMINATOR})
 * @param withheld income tax withheld from a sale's proceeds (OFX {@code WITHHOLDING} plus {@code
 *     STATEWITHHOLDING}), positive dollars; zero when none
 * @param corrects the FITID of an earlier transaction this one corrects (OFX {@code CORRECTFITID})
 * @param correction what the correction does: {@code REPLACE} or {@code DELETE} (OFX {@code
 *     CORRECTACTION}); present exactly when {@code corrects} is
 * @param unitCost for shares transferred in: their cost basis per share (OFX {@code AVGCOSTBASIS})
 * @param acquired for shares transferred in: when they were bought (OFX {@code DTPURCHASE})
 * @param time the time of day the file gives ({@code HHMMSS} from an OFX {@code DTTRADE}), empty
 *     when it gives none; orders a day's activities
 */
public record ActivityFacts(
    Optional<String> otherAccount,
    Optional<String> splitRatio,
    BigDecimal withheld,
    Optional<String> corrects,
    Optional<String> correction,
    Optional<BigDecimal> unitCost,
    Optional<java.time.LocalDate> acquired,
    String time) {

  public static final ActivityFacts NONE =
      new ActivityFacts(Optional.empty(), Optional.empty(), BigDecimal.ZERO, Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), "");

  public ActivityFacts {
    Objects.requireNonNull(otherAccount, "otherAccount");
    Objects.requireNonNull(splitRatio, "splitRatio");
    withheld = withheld == null ? BigDecimal.ZERO : withheld;
    if (withheld.signum() < 0) {
      throw new IllegalArgumentException("withheld must not be negative: " + withheld);
    }
    Objects.requireNonNull(corrects, "corrects");
    Objects.requireNonNull(correction, "correction");
    Objects.requireNonNull(unitCost, "unitCost");
    Objects.requireNonNull(acquired, "acquired");
    time = time == null ? "" : time;
  }
}
