package dev.keel.core.drift;

import dev.keel.core.security.AssetClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where the household stands against its IPS on a date.
 *
 * @param totalValue every account's securities and cash, in dollars, held-away accounts included
 * @param cash cash across accounts, in dollars
 * @param cashWeight cash as a fraction of the total; the class weights plus this sum to one when
 *     the policy gives cash no target (when it does, cash is one of {@code classes})
 * @param checkDue whether a scheduled check falls on or before {@code asOf}
 * @param rebalanceNeeded a check is due and at least one class is outside its band
 */
public record DriftReport(
    LocalDate asOf,
    BigDecimal totalValue,
    BigDecimal cash,
    BigDecimal cashWeight,
    boolean cashTargeted,
    List<ClassDrift> classes,
    List<Holding> holdings,
    boolean checkDue,
    Optional<LocalDate> nextCheck,
    boolean rebalanceNeeded) {

  public DriftReport {
    classes = List.copyOf(classes);
    holdings = List.copyOf(holdings);
  }

  public boolean anyBreached() {
    return classes.stream().anyMatch(ClassDrift::breached);
  }

  public Optional<ClassDrift> find(AssetClass assetClass) {
    return classes.stream().filter(c -> c.assetClass().equals(assetClass)).findFirst();
  }
}
