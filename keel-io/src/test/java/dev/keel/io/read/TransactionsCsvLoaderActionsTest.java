package dev.keel.io.read;

import static dev.keel.io.read.Fixtures.load;
import static dev.keel.io.read.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.ActionTerms;
import dev.keel.core.ledger.EsppOffering;
import dev.keel.core.ledger.Transaction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests the transactions.csv rows of transfer, split, rsu_vest, espp_purchase and
 * return_of_capital: what each needs, what it may not have, and the terms they carry.
 */
class TransactionsCsvLoaderActionsTest {

  private static Loaded<List<Transaction>> transactions(String fixture) {
    return load(TransactionsCsvLoader::load, "transactions.csv", "transactions/" + fixture);
  }

  @Test
  void test_load_goodActions_carryTheirTerms() {
    Loaded<List<Transaction>> loaded = transactions("good-actions.csv");

    assertThat(loaded.problems()).isEmpty();
    List<Transaction> rows = loaded.value().orElseThrow();
    assertThat(rows).extracting(Transaction::action).containsExactly(Action.TRANSFER, Action.SPLIT, Action.SPLIT,
        Action.RSU_VEST, Action.RSU_VEST, Action.ESPP_PURCHASE, Action.RETURN_OF_CAPITAL);

    assertThat(rows.get(0).transferTo().value()).isEqualTo("sam");
    assertThat(rows.get(0).lotId()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo("J-VTI-2017"));

    assertThat(rows.get(1).account()).isNull(); // every account
    assertThat(rows.get(1).terms()).hasValueSatisfying(t -> assertThat(t).hasToString("10:1"));
    assertThat(rows.get(2).account().value()).isEqualTo("plan");
    assertThat(rows.get(2).terms()).hasValueSatisfying(t -> assertThat(t).hasToString("1:4"));

    ActionTerms.Award rsu = (ActionTerms.Award) rows.get(3).terms().orElseThrow();
    assertThat(rsu.reportedBasis()).isEmpty();
    assertThat(rsu.offering()).isEmpty();
    assertThat(rows.get(3).gross()).isEqualByComparingTo("6092.00"); // 40 × 152.30
    ActionTerms.Award rsu2 = (ActionTerms.Award) rows.get(4).terms().orElseThrow();
    assertThat(rsu2.reportedBasis()).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("1523.00"));

    EsppOffering offering = ((ActionTerms.Award) rows.get(5).terms().orElseThrow()).offering().orElseThrow();
    assertThat(offering.offeringDate()).isEqualTo(LocalDate.parse("2026-01-02"));
    assertThat(offering.offeringFmv()).isEqualByComparingTo("150.00");
    assertThat(offering.offeringPrice()).isEqualByComparingTo("127.50");
    assertThat(offering.purchaseFmv()).isEqualByComparingTo("161.20");

    assertThat(rows.get(6).amount()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("84.10"));
  }

  @Test
  void test_load_badActions_everyProblemAtOnce() {
    Loaded<List<Transaction>> loaded = transactions("bad-actions.csv");

    assertThat(loaded.value().orElseThrow()).isEmpty();
    assertThat(messages(loaded)).containsExactly(
        "transactions.csv:2: to_account: transfer needs to_account, the account receiving the shares",
        "transactions.csv:3: price: \"310.00\" is not used by transfer; leave it empty",
        "transactions.csv:4: ratio: \"10\" is not a split ratio: expected NEW:OLD with two different positive numbers,"
            + " e.g. 4:1 for a 4-for-1 split or 1:10 for a 1-for-10 reverse split",
        "transactions.csv:5: quantity: \"5\" is not used by split; leave it empty",
        "transactions.csv:6: offering_date: espp_purchase needs offering_date, the first day of the offering period (the grant date)",
        "transactions.csv:7: offering_date: \"2026-07-02\" is after the purchase date 2026-06-30; the offering (grant) date comes first",
        "transactions.csv:8: offering_price: \"155.00\" is more than offering_fmv 150.00; expected the option price figured at"
            + " the offering date (usually 85% of offering_fmv)",
        "transactions.csv:9: price: rsu_vest needs a price or an amount (the fair market value at vest)",
        "transactions.csv:9: offering_date: \"2026-01-02\" is not used by rsu_vest; leave it empty",
        "transactions.csv:10: amount: \"0\" must be greater than zero",
        "transactions.csv:11: symbol: return_of_capital needs a symbol",
        "transactions.csv:12: to_account: \"sam\" is not used by buy; leave it empty",
        "transactions.csv:13: account: is missing");
  }
}
