package dev.keel.imports.ofx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.security.Symbol;
import dev.keel.imports.statement.Activity;
import dev.keel.imports.statement.ActivityKind;
import dev.keel.imports.statement.Statement;
import dev.keel.io.read.Loaded;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfxStatementReaderTest {

  private static Statement read(Path path) throws IOException {
    Loaded<Statement> loaded = OfxStatementReader.read(path.getFileName().toString(), Files.readAllBytes(path));
    assertThat(loaded.problems()).isEmpty();
    return loaded.value().orElseThrow();
  }

  @Test
  void reads_an_ofx_1_statement_with_two_accounts() throws IOException {
    Statement s = read(Path.of("..", "examples", "imports", "statements", "fidelity-2026.qfx"));
    assertThat(s.format()).isEqualTo("OFX 1.x (SGML)");
    assertThat(s.activities()).hasSize(12);
    assertThat(s.activities().stream().map(a -> a.accountNumber().orElseThrow()).distinct()).containsExactly("Z23456789", "234567890");
    Activity buy = s.activities().get(1);
    assertThat(buy.kind()).isEqualTo(ActivityKind.BUY);
    assertThat(buy.sourceId()).isEqualTo("F-0002");
    assertThat(buy.date()).isEqualTo(LocalDate.of(2026, 1, 6));
    assertThat(buy.security().flatMap(r -> r.symbol())).contains(Symbol.of("VTI"));
    assertThat(buy.security().orElseThrow().cusip()).isEqualTo("922908769");
    assertThat(buy.quantity()).contains(new BigDecimal("100"));
    assertThat(buy.amount()).contains(new BigDecimal("28050.00"));
    // The sale: TOTAL 8999.55 is after 0.45 of fees, so the gross is 9000.00 = 30 x 300.00.
    Activity sell = s.activities().stream().filter(a -> a.sourceId().equals("F-0006")).findFirst().orElseThrow();
    assertThat(sell.kind()).isEqualTo(ActivityKind.SELL);
    assertThat(sell.quantity()).contains(new BigDecimal("30"));
    assertThat(sell.amount()).contains(new BigDecimal("9000.00"));
    assertThat(sell.fees()).isEqualByComparingTo("0.45");
    assertThat(s.positions()).hasSize(4);
    assertThat(s.positions().get(1).quantity()).isEqualByComparingTo("50.7353");
    assertThat(s.positions().get(1).asOf()).contains(LocalDate.of(2026, 11, 20));
    assertThat(s.cash()).extracting(c -> c.amount().toPlainString()).containsExactly("13580.65", "400.00");
  }

  @Test
  void reads_an_ofx_2_statement_with_its_distributions_split_transfer_and_money_market_sweep() throws IOException {
    Statement s = read(Path.of("src", "test", "resources", "ofx", "brokerage-v2.ofx"));
    assertThat(s.format()).isEqualTo("OFX 2.x (XML)");
    assertThat(s.activities()).extracting(Activity::kind).containsExactly(ActivityKind.DEPOSIT, ActivityKind.BUY, ActivityKind.BUY,
        ActivityKind.REINVEST, ActivityKind.CAPITAL_GAIN_DISTRIBUTION, ActivityKind.SPLIT, ActivityKind.TRANSFER_IN,
        ActivityKind.RETURN_OF_CAPITAL, ActivityKind.SELL, ActivityKind.CASH_SWEEP, ActivityKind.DIVIDEND, ActivityKind.FEE);
    // Buy of 40 VTI: TOTAL -10004.95 with a 4.95 commission: gross 10000.00; DTTRADE gives 09:30:00.
    Activity buy = s.activities().get(1);
    assertThat(buy.amount()).contains(new BigDecimal("10000.00"));
    assertThat(buy.fees()).isEqualByComparingTo("4.95");
    assertThat(buy.facts().time()).isEqualTo("093000");
    assertThat(s.activities().get(3).quantity()).contains(new BigDecimal("0.209"));
    assertThat(s.activities().get(5).label()).isEqualTo("SPLIT 2:1");
    assertThat(s.activities().get(5).facts().splitRatio()).contains("2:1");
    // The money-market fund (FIDELITY GOVERNMENT CASH RESERVES, no ticker) is cash: its position joins AVAILCASH.
    assertThat(s.positions()).extracting(p -> p.security().symbol().map(Object::toString).orElse("?")).containsExactly("VTI", "BND");
    assertThat(s.cash()).extracting(c -> c.amount().toPlainString()).containsExactlyInAnyOrder("6467.63", "1.02");
  }

  @Test
  void every_bad_value_is_reported_with_its_element_path() throws IOException {
    Path bad = Path.of("src", "test", "resources", "bad", "bad-values.qfx");
    Loaded<Statement> loaded = OfxStatementReader.read("bad-values.qfx", Files.readAllBytes(bad));
    assertThat(loaded.value()).isEmpty();
    String prefix = "OFX/INVSTMTMSGSRSV1/INVSTMTTRNRS/INVSTMTRS/INVTRANLIST/";
    assertThat(loaded.problems()).extracting(p -> p.line() + " " + p.field() + " " + p.value()).containsExactlyInAnyOrder(
        "22 " + prefix + "BUYSTOCK/INVBUY/INVTRAN/DTTRADE 2026-01-06",
        "24 " + prefix + "BUYSTOCK/INVBUY/UNITS 1O0",
        "31 " + prefix + "INVBANKTRAN/STMTTRN/FITID null",
        "31 " + prefix + "INVBANKTRAN/STMTTRN/TRNAMT 50,000.00.1");
  }

  @Test
  void a_file_without_an_investment_statement_is_refused() {
    byte[] bank = "OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1</STMTTRNRS></BANKMSGSRSV1></OFX>".getBytes();
    Loaded<Statement> loaded = OfxStatementReader.read("bank.qfx", bank);
    assertThat(loaded.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no investment statement"));
  }
}
