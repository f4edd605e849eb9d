package dev.keel.io.read;

import static dev.keel.io.read.Fixtures.load;
import static dev.keel.io.read.Fixtures.loadText;
import static dev.keel.io.read.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.ledger.Transaction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests {@link TransactionsCsvLoader} with fixture files under src/test/resources/transactions. */
class TransactionsCsvLoaderTest {

  private static Loaded<List<Transaction>> transactions(String fixture) {
    return load(TransactionsCsvLoader::load, "transactions.csv", "transactions/" + fixture);
  }

  private static String text(Optional<?> value) {
    return value.map(v -> v instanceof BigDecimal d ? d.toPlainString() : v.toString()).orElse("-");
  }

  /** Every field of a row, in file order. */
  private static String describe(Transaction t) {
    return t.source().line() + " " + t.date() + " " + t.account() + " " + t.action().code() + " " + text(t.symbol()) + " "
        + text(t.quantity()) + " " + text(t.price()) + " " + text(t.amount()) + " " + t.fees().toPlainString() + " "
        + text(t.lotId());
  }

  @Test
  void test_load_good_everyAction_inFileOrder() {
    Loaded<List<Transaction>> loaded = transactions("good.csv");

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.value().orElseThrow()).extracting(TransactionsCsvLoaderTest::describe).containsExactly(
        "2 2026-01-05 joint deposit - - - 35000.00 0 -",
        "3 2026-01-06 joint buy VTI 50 322.40 - 0 J-VTI-2026",
        "4 2026-09-02 joint sell VXUS 200 66.90 - 4.95 -",
        "6 2026-09-20 sam-roth reinvest VXUS 3.2 67.40 - 0 -", // line 5 is a comment
        "7 2026-03-31 joint dividend VTI - - 812.40 0 -", // out of date order: kept as written, the ledger sorts
        "8 2026-04-01 joint interest - - - 12.34 0 -",
        "9 2026-04-02 joint fee - - - 25 0 -",
        "10 2026-04-03 joint withdrawal - - - 1000 0 -",
        "11 2026-05-01 alex-ira inherit VOO 10 - 4500.00 0 -",
        "12 2026-05-02 joint sell VTI 1.5 - 480.00 0 J-VTI-2026"); // action and symbol in any case
    assertThat(loaded.value().orElseThrow()).allSatisfy(t -> assertThat(t.source().file()).isEqualTo("transactions.csv"));
  }

  @Test
  void test_load_good_grossFromPriceOrAmount() {
    List<Transaction> rows = transactions("good.csv").value().orElseThrow();

    assertThat(rows.get(1).gross()).isEqualByComparingTo("16120.00"); // 50 × 322.40
    assertThat(rows.get(3).gross()).isEqualByComparingTo("215.68"); // 3.2 × 67.40
    assertThat(rows.get(9).gross()).isEqualByComparingTo("480.00"); // the amount as given
  }

  @Test
  void test_load_optionalColumnsAbsentEntirely() {
    Loaded<List<Transaction>> loaded = transactions("good-minimal-columns.csv");

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.value().orElseThrow()).extracting(TransactionsCsvLoaderTest::describe).containsExactly(
        "2 2026-01-05 joint deposit - - - 100 0 -",
        "3 2026-01-06 joint interest - - - 0.42 0 -");
  }

  @Test
  void test_load_crlfAndByteOrderMark() {
    String text = "\uFEFF" + Fixtures.text("transactions/good.csv").replace("\n", "\r\n");

    Loaded<List<Transaction>> loaded = loadText(TransactionsCsvLoader::load, "transactions.csv", text);

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.value().orElseThrow()).extracting(TransactionsCsvLoaderTest::describe)
        .containsExactlyElementsOf(transactions("good.csv").value().orElseThrow().stream()
            .map(TransactionsCsvLoaderTest::describe).toList());
  }

  @Test
  void test_load_badRows_everyProblemAtOnce() {
    Loaded<List<Transaction>> loaded = transactions("bad-rows.csv");

    assertThat(messages(loaded)).containsExactly(
        "transactions.csv:2: action: \"journal\" is not one of buy, sell, deposit, withdrawal, dividend, reinvest, interest, fee, inherit, qualified_dividend, cap_gain_distribution, transfer, split, rsu_vest, espp_purchase, return_of_capital",
        "transactions.csv:3: price: reinvest needs a price or an amount",
        "transactions.csv:4: date: \"2026/05/01\" is not a date; expected YYYY-MM-DD",
        "transactions.csv:5: symbol: buy needs a symbol",
        "transactions.csv:6: quantity: sell needs a quantity",
        "transactions.csv:7: quantity: \"3\" is not used by deposit; leave it empty",
        "transactions.csv:8: amount: \"0\" must be greater than zero",
        "transactions.csv:9: amount: withdrawal needs an amount",
        "transactions.csv:10: lot_id: \"LOT-1\" is only used by sell, transfer, buy, reinvest, rsu_vest and espp_purchase",
        "transactions.csv:11: fees: \"-1\" must not be negative",
        "transactions.csv:12: quantity: \"0\" must be greater than zero",
        "transactions.csv:13: date: is missing",
        "transactions.csv:14: amount: \"-100\" must not be negative");
    // the one good row, at the end, is loaded
    assertThat(loaded.value().orElseThrow()).extracting(TransactionsCsvLoaderTest::describe)
        .containsExactly("15 2026-05-11 joint deposit - - - 100 0 -");
  }

  @Test
  void test_load_missingRequiredColumn() {
    assertThat(messages(transactions("bad-missing-column.csv"))).containsExactly(
        "transactions.csv:1: header: is missing column \"action\"; expected date,account,action,symbol,quantity,price,amount,fees,lot_id,to_account,ratio,fmv,offering_date,offering_fmv,offering_price,reported_basis");
  }

  /** Issue 8 item 4: qualified dividends (1099-DIV box 1b) and capital gain distributions (box 2a). */
  @Test
  void test_load_qualifiedDividendAndCapitalGainDistribution() {
    String csv = "date,account,action,symbol,quantity,price,amount\n"
        + "2026-06-30,joint,qualified_dividend,VTI,,,400.00\n"
        + "2026-12-20,joint,CAP_GAIN_DISTRIBUTION,VTI,,,1000.00\n"
        + "2026-12-21,joint,cap_gain_distribution,VTI,5,,10.00\n";

    Loaded<List<Transaction>> loaded = Fixtures.loadText(TransactionsCsvLoader::load, "transactions.csv", csv);

    assertThat(messages(loaded)).containsExactly(
        "transactions.csv:4: quantity: \"5\" is not used by cap_gain_distribution; leave it empty");
    Loaded<List<Transaction>> good = Fixtures.loadText(TransactionsCsvLoader::load, "transactions.csv",
        csv.substring(0, csv.lastIndexOf("2026-12-21")));
    assertThat(good.value().orElseThrow()).extracting(TransactionsCsvLoaderTest::describe).containsExactly(
        "2 2026-06-30 joint qualified_dividend VTI - - 400.00 0 -",
        "3 2026-12-20 joint cap_gain_distribution VTI - - 1000.00 0 -");
  }
}
