package dev.keel.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.core.drift.DriftAnalyzer;
import dev.keel.core.drift.DriftReport;
import dev.keel.core.household.Account;
import dev.keel.core.household.AccountType;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.ledger.Lot;
import dev.keel.core.ledger.LotId;
import dev.keel.core.policy.Band;
import dev.keel.core.policy.CheckCadence;
import dev.keel.core.policy.Policy;
import dev.keel.core.price.PriceTable;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link DriftReportWriter} on a 60/40 household: 70 VTI at 10 and 25 BND at 10 in one
 * account, 50 of cash. Total 1,000: stocks 70% (+10, over 60 ± 5), bonds 25% (−15, under 40 ± 5),
 * cash 5%.
 */
class DriftReportWriterTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

  private static DriftReport report(Optional<LocalDate> lastChecked, String vti, String bnd) {
    Map<AssetClass, BigDecimal> targets = new LinkedHashMap<>();
    targets.put(AssetClass.of("stocks"), new BigDecimal("0.60"));
    targets.put(AssetClass.of("bonds"), new BigDecimal("0.40"));
    Policy policy = new Policy(targets, Band.of("0.05", "0.25"), Map.of(), CheckCadence.QUARTERLY, lastChecked,
        SecurityMaster.of(Security.of("VTI", "stocks"), Security.of("BND", "bonds")));
    Account joint = Account.of("joint", AccountType.TAXABLE, "0");
    AccountPosition position = new AccountPosition(joint, List.of(lot("VTI", vti, 1), lot("BND", bnd, 2)), new BigDecimal("50"));
    return DriftAnalyzer.DEFAULT.analyze(policy, List.of(position), PriceTable.of("VTI", "10", "BND", "10"), AS_OF);
  }

  private static Lot lot(String symbol, String quantity, long n) {
    LocalDate acquired = LocalDate.of(2020, 1, 2);
    return new Lot(LotId.of("L" + n), Account.of("joint", AccountType.TAXABLE, "0").id(), Symbol.of(symbol),
        new BigDecimal(quantity), BigDecimal.ZERO, acquired, acquired, false, BigDecimal.ZERO, n, false, n);
  }

  @Test
  void test_table() {
    String table = DriftReportWriter.table("Test household", report(Optional.empty(), "70", "25"));

    assertThat(table)
        .startsWith("Test household - drift as of 2026-11-22\nTotal value $1,000.00  (cash $50.00, 5.00%, no target)\n")
        .containsPattern("stocks\\s+60.00%\\s+70.00%\\s+\\+10.00 pts\\s+55.00% - 65.00%\\s+\\$700.00\\s+OVER band")
        .containsPattern("bonds\\s+40.00%\\s+25.00%\\s+-15.00 pts\\s+35.00% - 45.00%\\s+\\$250.00\\s+UNDER band")
        .endsWith("Rebalance needed: yes - stocks, bonds outside band; a check is due (never checked).\n");
  }

  @Test
  void test_checkLine_threeCases() {
    Optional<LocalDate> checked = Optional.of(LocalDate.of(2026, 10, 1));

    assertThat(DriftReportWriter.checkLine(report(checked, "70", "25")))
        .isEqualTo("Rebalance needed: not yet - stocks, bonds outside band, but no check is due until 2027-01-01.");
    assertThat(DriftReportWriter.checkLine(report(checked, "60", "35"))) // 60% and 35%: both inside
        .isEqualTo("Rebalance needed: no - every class is inside its band (next check 2027-01-01).");
  }

  @Test
  void test_json() throws Exception {
    JsonNode root = Json.mapper().readTree(DriftReportWriter.json(report(Optional.empty(), "70", "25")));

    assertThat(root.get("as_of").asText()).isEqualTo("2026-11-22");
    assertThat(root.get("total_value").decimalValue()).isEqualByComparingTo("1000");
    assertThat(root.get("rebalance_needed").asBoolean()).isTrue();
    assertThat(root.get("next_check").isNull()).isTrue();
    assertThat(root.get("cash").get("actual").decimalValue()).isEqualByComparingTo("0.05");
    JsonNode stocks = root.get("asset_classes").get(0);
    assertThat(stocks.get("asset_class").asText()).isEqualTo("stocks");
    assertThat(stocks.get("drift").decimalValue()).isEqualByComparingTo("0.1");
    assertThat(stocks.get("lower").decimalValue()).isEqualByComparingTo("0.55");
    assertThat(stocks.get("breached").asBoolean()).isTrue();
    assertThat(root.get("holdings")).hasSize(2);
    assertThat(DriftReportWriter.json(report(Optional.empty(), "70", "25"))).doesNotContain("E+", "E-");
  }
}
