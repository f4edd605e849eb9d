package dev.keel.core.portfolio;

import dev.keel.core.household.Household;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.policy.Band;
import dev.keel.core.policy.CheckCadence;
import dev.keel.core.policy.Policy;
import dev.keel.core.price.PriceTable;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.testkit.HouseholdBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A 60/40 household: joint (taxable, 1,000 cash) with 100 VTI at 50 (opening, 2024-01-10), and an
 * IRA with 100 BND at 40 bought 2026-02-01 from 5,000 of cash.
 */
final class PortfolioFixtures {

  private PortfolioFixtures() {}

  static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  static Household household() {
    return HouseholdBuilder.household("Engine household").rates("0.35", "0.15")
        .taxable("joint").cash("1000")
        .traditional("ira").cash("5000")
        .build();
  }

  static SecurityMaster securities() {
    return SecurityMaster.of(Security.of("VTI", "us_stocks"), Security.of("BND", "bonds"));
  }

  static Policy policy(SecurityMaster securities) {
    Map<AssetClass, BigDecimal> targets = new LinkedHashMap<>();
    targets.put(AssetClass.of("us_stocks"), new BigDecimal("0.60"));
    targets.put(AssetClass.of("bonds"), new BigDecimal("0.40"));
    return new Policy(targets, Band.of("0.05", "0.25"), Map.of(), CheckCadence.QUARTERLY, Optional.empty(), securities);
  }

  static List<OpeningLot> lots() {
    return List.of(OpeningLot.of("joint", "VTI", "100", "4000.00", date("2024-01-10")));
  }

  static List<Transaction> transactions() {
    return List.of(Transaction.trade(date("2026-02-01"), "ira", Action.BUY, "BND", "100", "40")
        .withSource(SourceRef.of("transactions.csv", 2)));
  }

  static PriceTable prices() {
    return PriceTable.of("VTI", "50", "BND", "40");
  }

  static HouseholdData data() {
    return new HouseholdData(household(), policy(securities()), lots(), transactions(), prices());
  }
}
