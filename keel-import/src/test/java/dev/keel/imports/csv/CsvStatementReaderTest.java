package dev.keel.imports.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.imports.statement.Activity;
import dev.keel.imports.statement.ActivityKind;
import dev.keel.imports.statement.LotLine;
import dev.keel.imports.statement.Statement;
import dev.keel.io.read.Loaded;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvStatementReaderTest {

  private static final Path EXAMPLE = Path.of("..", "examples", "imports", "statements");
  private static final Path FIXTURES = Path.of("src", "test", "resources");

  private static Statement read(Path path) throws IOException {
    Loaded<Statement> loaded = CsvStatementReader.DEFAULT.read(path.getFileName().toString(), Files.readAllBytes(path));
    assertThat(loaded.problems()).isEmpty();
    return loaded.value().orElseThrow();
  }

  @Test
  void schwab_transactions_take_the_account_from_the_title_and_the_gross_from_amount_and_fees() throws IOException {
    Statement s = read(EXAMPLE.resolve("schwab-transactions.csv"));
    assertThat(s.format()).isEqualTo("Schwab transactions CSV");
    assertThat(s.activities()).hasSize(9).allSatisfy(a -> assertThat(a.accountNumber()).contains("4321"));
    // "Sell 100 SCHF at $40.00, fees $0.12, amount $3,999.88": gross 4,000.00.
    Activity sell = s.activities().stream().filter(a -> a.kind() == ActivityKind.SELL).findFirst().orElseThrow();
    assertThat(sell.amount()).contains(new BigDecimal("4000.00"));
    assertThat(sell.fees()).isEqualByComparingTo("0.12");
    assertThat(s.activities()).extracting(Activity::kind).containsExactly(ActivityKind.FEE, ActivityKind.INTEREST, ActivityKind.BUY,
        ActivityKind.DIVIDEND, ActivityKind.QUALIFIED_DIVIDEND, ActivityKind.SELL, ActivityKind.BUY, ActivityKind.DEPOSIT, ActivityKind.BUY);
  }

  @Test
  void schwab_lot_details_keep_the_true_dates_basis_and_disallowed_loss() throws IOException {
    Statement s = read(EXAMPLE.resolve("schwab-lots-2026-06-30.csv"));
    assertThat(s.lots()).hasSize(4);
    LotLine washed = s.lots().get(1);
    assertThat(washed.acquired()).isEqualTo(LocalDate.of(2026, 5, 20));
    assertThat(washed.costBasis()).isEqualByComparingTo("1187.50");
    assertThat(washed.washSaleDisallowed()).isEqualByComparingTo("112.50");
    assertThat(washed.asOf()).contains(LocalDate.of(2026, 6, 30));
    assertThat(s.lots().get(3).quantity()).isEqualByComparingTo("10.5");
  }

  @Test
  void schwab_positions_give_cash_from_the_cash_row_and_the_date_from_the_title() throws IOException {
    Statement s = read(EXAMPLE.resolve("schwab-positions.csv"));
    assertThat(s.positions()).hasSize(3).allSatisfy(p -> assertThat(p.asOf()).contains(LocalDate.of(2026, 11, 20)));
    assertThat(s.cash()).singleElement().satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("7436.73"));
  }

  @Test
  void vanguard_download_holds_two_tables_and_its_settlement_fund_is_cash() throws IOException {
    Statement s = read(EXAMPLE.resolve("vanguard-OfxDownload.csv"));
    assertThat(s.format()).isEqualTo("Vanguard holdings CSV + Vanguard transactions CSV");
    assertThat(s.positions()).extracting(p -> p.security().symbol().orElseThrow().value()).containsExactly("BND", "VNQ");
    assertThat(s.cash()).singleElement().satisfies(c -> assertThat(c.amount()).isEqualByComparingTo("5850.21"));
    assertThat(s.activities()).extracting(Activity::kind).containsExactly(ActivityKind.FEE, ActivityKind.DIVIDEND, ActivityKind.DIVIDEND,
        ActivityKind.CASH_SWEEP, ActivityKind.BUY, ActivityKind.BUY, ActivityKind.DEPOSIT);
    assertThat(s.activities().get(0).security()).isEmpty();
  }

  @Test
  void fidelity_history_reads_its_account_column_and_skips_the_disclaimer() throws IOException {
    Statement s = read(FIXTURES.resolve("csv").resolve("Accounts_History.csv"));
    assertThat(s.activities()).hasSize(12);
    assertThat(s.activities()).extracting(a -> a.accountNumber().orElseThrow()).containsOnly("Z11112222", "Z33334444");
    assertThat(s.activities()).extracting(Activity::kind).containsExactly(ActivityKind.SELL, ActivityKind.BUY, ActivityKind.BUY,
        ActivityKind.DIVIDEND, ActivityKind.INTEREST, ActivityKind.CAPITAL_GAIN_DISTRIBUTION, ActivityKind.SPLIT, ActivityKind.BUY,
        ActivityKind.BUY, ActivityKind.DEPOSIT, ActivityKind.DEPOSIT, ActivityKind.BUY);
    // A sale: quantity -12.5 and amount 3,751.21 after 0.04 of fees.
    assertThat(s.activities().get(0).quantity()).contains(new BigDecimal("12.5"));
    assertThat(s.activities().get(0).amount()).contains(new BigDecimal("3751.25"));
    // Two identical buys on one day stay two activities with one fingerprint.
    assertThat(s.activities().get(7).fingerprint()).isEqualTo(s.activities().get(8).fingerprint());
  }

  @Test
  void fidelity_positions_take_the_date_from_the_file_name_and_core_money_market_as_cash() throws IOException {
    Statement s = read(FIXTURES.resolve("csv").resolve("Portfolio_Positions_Nov-20-2026.csv"));
    assertThat(s.positions()).hasSize(3).allSatisfy(p -> assertThat(p.asOf()).contains(LocalDate.of(2026, 11, 20)));
    assertThat(s.cash()).extracting(c -> c.accountNumber().orElseThrow() + "=" + c.amount().toPlainString())
        .containsExactly("Z11112222=9102.44", "Z33334444=385.00");
  }

  @Test
  void an_unknown_header_lists_the_formats_keel_knows() {
    Loaded<Statement> loaded = CsvStatementReader.DEFAULT.read("x.csv", "Trade Date,Ticker,Side\n2026-01-05,VTI,B\n".getBytes(StandardCharsets.UTF_8));
    assertThat(loaded.value()).isEmpty();
    assertThat(loaded.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.value()).isEqualTo("Trade Date,Ticker,Side");
      assertThat(p.message()).contains("Schwab transactions CSV (Date,Action,Symbol", "Vanguard holdings CSV");
    });
  }

  @Test
  void every_unreadable_row_is_reported_with_line_column_and_value() throws IOException {
    Path bad = FIXTURES.resolve("bad").resolve("bad-rows-schwab.csv");
    Loaded<Statement> loaded = CsvStatementReader.DEFAULT.read("bad-rows-schwab.csv", Files.readAllBytes(bad));
    assertThat(loaded.value()).isEmpty();
    assertThat(loaded.problems()).extracting(p -> p.line() + " " + p.field() + " " + p.value()).containsExactlyInAnyOrder(
        "3 Date 13/45/2026", "4 Amount $1,14O.00", "5 Quantity ", "6 null null");
  }

  @Test
  void a_file_that_is_not_utf8_is_refused() throws IOException {
    Loaded<Statement> loaded = CsvStatementReader.DEFAULT.read("n.csv", Files.readAllBytes(FIXTURES.resolve("bad").resolve("not-utf8.csv")));
    assertThat(loaded.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("not UTF-8"));
  }

  @Test
  void account_and_date_are_found_in_titles_and_file_names() {
    assertThat(CsvStatementReader.account(java.util.List.of("Transactions  for account Individual ...4321 as of 11/20/2026"))).contains("4321");
    assertThat(CsvStatementReader.account(java.util.List.of("History_for_Account_Z12345678.csv"))).contains("Z12345678");
    assertThat(CsvStatementReader.account(java.util.List.of("Individual_XXX178_Transactions_20250309-115444.csv"))).contains("178");
    assertThat(CsvStatementReader.date(java.util.List.of("Positions for account ...4321 as of 04:10 PM ET, 2026/11/20")))
        .contains(LocalDate.of(2026, 11, 20));
    assertThat(CsvStatementReader.date(java.util.List.of("Portfolio_Positions_Nov-20-2026.csv"))).contains(LocalDate.of(2026, 11, 20));
    assertThat(CsvStatementReader.date(java.util.List.of("no date here"))).isEqualTo(Optional.empty());
  }

  private static String lot(LotLine l) {
    return l.accountNumber().orElse("-") + " " + l.security().symbol().map(Object::toString).orElse("?") + " "
        + l.quantity().toPlainString() + " " + l.costBasis().toPlainString() + " " + l.acquired() + " " + l.washSaleDisallowed().toPlainString()
        + " " + l.asOf().map(Object::toString).orElse("-");
  }

  @Test
  void fidelity_lot_details_become_lots_with_their_basis_dates_and_disallowed_wash_sale_loss() throws IOException {
    Statement s = read(FIXTURES.resolve("csv").resolve("Unrealized_Gain_Loss_Jun-30-2026.csv"));
    assertThat(s.format()).isEqualTo("Fidelity lot details CSV");
    // The date is the file name's; SPAXX** (cash) is no lot. The 12.5 VTI bought for 3,375.00 carry 145.00 of
    // disallowed loss in their basis: 3,520.00 (Publication 550, wash sales).
    assertThat(s.lots()).extracting(CsvStatementReaderTest::lot).containsExactly(
        "Z11112222 VTI 40 6010.00 2020-03-02 0 2026-06-30",
        "Z11112222 VTI 12.5 3520.00 2026-05-28 145.00 2026-06-30",
        "Z33334444 ITOT 55.125 6063.75 2024-01-15 0 2026-06-30");
  }

  @Test
  void vanguard_lot_details_become_lots_with_their_basis_dates_and_disallowed_wash_sale_loss() throws IOException {
    Statement s = read(FIXTURES.resolve("csv").resolve("UnrealizedGainLoss_Jun-30-2026.csv"));
    assertThat(s.format()).isEqualTo("Vanguard lot details CSV");
    // The settlement fund (VMFXX) is cash, and the Total row is no lot.
    assertThat(s.lots()).extracting(CsvStatementReaderTest::lot).containsExactly(
        "77771234 BND 100.0 8000.00 2018-04-02 0.00 2026-06-30",
        "77771234 BND 20.5 1528.00 2026-03-10 40.00 2026-06-30");
  }

  /**
   * Publication 550, "Capital Gain Distributions": a long-term distribution (Form 1099-DIV box 2a)
   * is a long-term capital gain; a short-term one is reported as an ordinary dividend (box 1a).
   */
  @Test
  void capital_gain_distributions_keep_their_character_and_short_term_ones_are_ordinary_dividends() {
    assertThat(SchwabTransactions.kind("Long Term Cap Gain", BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo(ActivityKind.CAPITAL_GAIN_DISTRIBUTION);
    assertThat(SchwabTransactions.kind("Long Term Cap Gain Reinvest", BigDecimal.ONE, BigDecimal.ZERO))
        .isEqualTo(ActivityKind.CAPITAL_GAIN_DISTRIBUTION);
    assertThat(SchwabTransactions.kind("Short Term Cap Gain", BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo(ActivityKind.DIVIDEND);
    assertThat(SchwabTransactions.kind("Qualified Dividend", BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo(ActivityKind.QUALIFIED_DIVIDEND);
    assertThat(SchwabTransactions.kind("Return Of Capital", BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo(ActivityKind.RETURN_OF_CAPITAL);
    assertThat(FidelityTransactions.kind("LONG-TERM CAP GAIN VANGUARD TOTAL STK MKT ETF (VTI) (Cash)", "VTI", BigDecimal.ONE))
        .isEqualTo(ActivityKind.CAPITAL_GAIN_DISTRIBUTION);
    assertThat(FidelityTransactions.kind("SHORT-TERM CAP GAIN VANGUARD TOTAL STK MKT ETF (VTI) (Cash)", "VTI", BigDecimal.ONE))
        .isEqualTo(ActivityKind.DIVIDEND);
    assertThat(FidelityTransactions.kind("QUALIFIED DIVIDEND VANGUARD TOTAL STK MKT ETF (VTI) (Cash)", "VTI", BigDecimal.ONE))
        .isEqualTo(ActivityKind.QUALIFIED_DIVIDEND);
    assertThat(VanguardTransactions.kind("Capital gain (LT)", BigDecimal.ONE)).isEqualTo(ActivityKind.CAPITAL_GAIN_DISTRIBUTION);
    assertThat(VanguardTransactions.kind("Capital gain (ST)", BigDecimal.ONE)).isEqualTo(ActivityKind.DIVIDEND);
    assertThat(VanguardTransactions.kind("Return of capital", BigDecimal.ONE)).isEqualTo(ActivityKind.RETURN_OF_CAPITAL);
  }
}
