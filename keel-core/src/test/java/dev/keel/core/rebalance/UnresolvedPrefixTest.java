package dev.keel.core.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountType;
import org.junit.jupiter.api.Test;

/**
 * The unresolved list prefixes "not sold: " only to lines about a lot that could not be sold; a
 * purchase that was not made ("not bought in …") is not a sale and keeps its own words.
 */
class UnresolvedPrefixTest {

  /**
   * Joint (taxable) holds only a VTI lot at a loss and must pay a 5,000 withdrawal from it, so VTI
   * cannot be bought anywhere (the purchase would wash that loss): four IRAs that hold only bonds
   * each report "not bought in …", more lines than the class's own reason names (three), so the
   * fourth reaches the unresolved list on its own line.
   */
  @Test
  void test_a_purchase_not_made_is_not_listed_as_not_sold() {
    Proposal p = Scenario.on("2026-11-20")
        .account("joint", AccountType.TAXABLE, "0")
        .account("ira1", AccountType.TRADITIONAL, "0").account("ira2", AccountType.TRADITIONAL, "0")
        .account("ira3", AccountType.TRADITIONAL, "0").account("ira4", AccountType.TRADITIONAL, "0")
        .target("us_stocks", "0.60").target("bonds", "0.40")
        .security("VTI", "us_stocks", "100").security("BND", "bonds", "50")
        .lot("joint", "VTI", "100", "12000", "2025-01-05", "LOSS")
        .lot("ira1", "BND", "100", "5000", "2015-01-05").lot("ira2", "BND", "100", "5000", "2015-01-05")
        .lot("ira3", "BND", "100", "5000", "2015-01-05").lot("ira4", "BND", "100", "5000", "2015-01-05")
        .propose("joint=-5000");

    assertThat(p.unresolved()).anyMatch(line -> line.startsWith("not bought in "));
    assertThat(p.unresolved()).noneMatch(line -> line.startsWith("not sold: not bought in"));
  }
}
