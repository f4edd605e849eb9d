package dev.keel.io.read;

import static dev.keel.io.read.Fixtures.load;
import static dev.keel.io.read.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.BasisReporting;
import dev.keel.core.ledger.OpeningLot;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests {@link LotsCsvLoader} with one fixture file per case under src/test/resources/lots. */
class LotsCsvLoaderTest {

  private static Loaded<List<OpeningLot>> lots(String fixture) {
    return load(LotsCsvLoader::load, "lots.csv", "lots/" + fixture);
  }

  /** One line per lot, every field, so that a test reads like the file. */
  private static String describe(OpeningLot lot) {
    return lot.source() + " " + lot.account() + " " + lot.symbol() + " " + lot.quantity().toPlainString() + " "
        + lot.costBasis().toPlainString() + " " + lot.acquired().map(LocalDate::toString).orElse("-")
        + (lot.inherited() ? " inherited" : "") + " " + lot.lotId().map(Object::toString).orElse("-");
  }

  @Test
  void test_load_good() {
    Loaded<List<OpeningLot>> loaded = lots("good.csv");

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.value().orElseThrow()).extracting(LotsCsvLoaderTest::describe).containsExactly(
        "lots.csv:3 joint VTI 200 24000.00 2017-03-10 J-VTI-2017",
        "lots.csv:5 joint VXUS 4.105 250.75 2020-02-14 -", // symbol upper-cased, $ dropped, empty lot_id
        "lots.csv:7 joint VOO 40 15200.00 2023-04-11 inherited J-VOO-INH",
        "lots.csv:8 sam-ira BND 12.5 900 - inherited -");
  }

  @Test
  void test_load_good_nothingRounded() {
    OpeningLot vxus = lots("good.csv").value().orElseThrow().get(1);

    // Fractional shares and cents are kept exactly as written, scale included.
    assertThat(vxus.quantity()).isEqualTo("4.105");
    assertThat(vxus.costBasis()).isEqualTo("250.75");
  }

  @ParameterizedTest
  @ValueSource(strings = {"good-crlf.csv", "good-bom.csv"})
  void test_load_crlfAndByteOrderMark_sameAsPlain(String fixture) {
    Loaded<List<OpeningLot>> loaded = lots(fixture);

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.value().orElseThrow()).extracting(LotsCsvLoaderTest::describe)
        .containsExactlyElementsOf(lots("good.csv").value().orElseThrow().stream().map(LotsCsvLoaderTest::describe).toList());
  }

  @Test
  void test_load_optionalColumnAbsent_columnsInAnyOrderAndCase() {
    Loaded<List<OpeningLot>> loaded = lots("good-no-lot-id-column.csv");

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.value().orElseThrow()).extracting(LotsCsvLoaderTest::describe).containsExactly(
        "lots.csv:2 joint VTI 200 24000.00 2017-03-10 -",
        "lots.csv:3 sam-ira BND 10 1000 2019-01-02 -");
  }

  @Test
  void test_load_spreadsheetEmptyRows_skipped() {
    // Rows of empty values only (",,,,," as spreadsheets export them) carry nothing: skipped like blank lines.
    Loaded<List<OpeningLot>> loaded = lots("good-spreadsheet-export.csv");

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.value().orElseThrow()).extracting(l -> l.source().line()).containsExactly(2, 4);
  }

  @Test
  void test_load_headerOnly_noLotsNoProblems() {
    Loaded<List<OpeningLot>> loaded = lots("header-only.csv");

    assertThat(loaded.ok()).isTrue();
    assertThat(loaded.value().orElseThrow()).isEmpty();
  }

  @Test
  void test_load_emptyFile() {
    assertThat(messages(lots("empty.csv"))).containsExactly(
        "lots.csv: is empty; expected a header line: account,symbol,quantity,cost_basis,acquired");
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("bad-quantity.csv", List.of(
            "lots.csv:3: quantity: \"1O0\" is not a number")),
        Arguments.of("bad-three-rows.csv", List.of(
            "lots.csv:2: quantity: \"-5\" must be greater than zero", // line 3 is a comment
            "lots.csv:4: acquired: \"2022-13-26\" is not a date; expected YYYY-MM-DD, inherited or inherited:YYYY-MM-DD",
            "lots.csv:7: cost_basis: \"1,000.00\" is not a number")), // line 6 is blank
        Arguments.of("bad-unknown-column.csv", List.of(
            "lots.csv:1: header: \"lotid\" is not a known column; expected account,symbol,quantity,cost_basis,acquired,lot_id,basis_reported,award,reported_basis,fmv,offering_date,offering_fmv,offering_price")),
        Arguments.of("bad-missing-column.csv", List.of(
            "lots.csv:1: header: is missing column \"cost_basis\"; expected account,symbol,quantity,cost_basis,acquired,lot_id,basis_reported,award,reported_basis,fmv,offering_date,offering_fmv,offering_price")),
        Arguments.of("bad-duplicate-column.csv", List.of(
            "lots.csv:1: header: \"Symbol\" appears twice")),
        Arguments.of("bad-extra-values.csv", List.of(
            "lots.csv:3: \"oops\" is an extra value: the row has 7 values but the header has 6 columns "
            + "(account,symbol,quantity,cost_basis,acquired,lot_id); a value with a comma must be in double quotes")),
        Arguments.of("bad-missing-values.csv", List.of(
            "lots.csv:2: account: is missing",
            "lots.csv:3: cost_basis: is missing",
            "lots.csv:3: acquired: is missing")),
        Arguments.of("bad-inherited.csv", List.of(
            "lots.csv:2: acquired: \"inherited:\" is not a date; expected YYYY-MM-DD, inherited or inherited:YYYY-MM-DD",
            "lots.csv:3: acquired: \"inherited:2023-02-30\" is not a date; expected YYYY-MM-DD, inherited or inherited:YYYY-MM-DD",
            "lots.csv:4: acquired: \"inheritance\" is not a date; expected YYYY-MM-DD, inherited or inherited:YYYY-MM-DD",
            "lots.csv:5: acquired: \"10/03/2023\" is not a date; expected YYYY-MM-DD, inherited or inherited:YYYY-MM-DD")),
        Arguments.of("bad-values.csv", List.of(
            "lots.csv:2: account: \"joint account\" is not a valid account id",
            "lots.csv:3: symbol: \"V T I\" is not a valid symbol",
            "lots.csv:4: lot_id: \"J VTI\" is not a valid lot id (no spaces)",
            "lots.csv:5: quantity: \"0\" must be greater than zero",
            "lots.csv:6: cost_basis: \"-1\" must not be negative",
            "lots.csv:7: cost_basis: \"$\" is not a number")),
        Arguments.of("bad-quote.csv", List.of(
            "lots.csv:3: is not valid CSV: Missing closing quote for value (found on line 5)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void test_load_bad_everyProblemWithItsLine(String fixture, List<String> expected) {
    assertThat(messages(lots(fixture))).containsExactlyElementsOf(expected);
  }

  @Test
  void test_load_badRows_goodRowsStillLoaded() {
    // Every row is checked; the good ones are loaded beside the problems of the bad ones.
    assertThat(lots("bad-three-rows.csv").value().orElseThrow()).extracting(l -> l.source().line()).containsExactly(5);
    assertThat(lots("bad-quantity.csv").value().orElseThrow()).extracting(l -> l.source().line()).containsExactly(2);
    assertThat(lots("bad-extra-values.csv").value().orElseThrow()).extracting(l -> l.source().line()).containsExactly(2, 4);
  }

  @Test
  void test_load_inheritedWithoutDate_neverDroppedSilently() {
    // Before the fix, "inherited:" with nothing after the colon dropped the row without a problem.
    Loaded<List<OpeningLot>> loaded = lots("bad-inherited.csv");

    assertThat(loaded.value().orElseThrow()).isEmpty();
    assertThat(loaded.problems()).hasSize(4);
  }

  /** Form 8949 boxes: a lot can say its 1099-B does not report basis (noncovered shares). */
  @Test
  void test_load_basisReportedPerLot_needsItsLotId() {
    String csv = "account,symbol,quantity,cost_basis,acquired,lot_id,basis_reported\n"
        + "joint,VTI,10,1000,2009-05-01,J-OLD,false\n"
        + "joint,VTI,10,1000,2009-05-01,,false\n"
        + "joint,VTI,10,1000,2019-05-01,J-NEW,\n";

    Loaded<List<OpeningLot>> loaded = Fixtures.loadText(LotsCsvLoader::load, "lots.csv", csv);

    assertThat(Fixtures.messages(loaded)).containsExactly(
        "lots.csv:3: basis_reported: \"false\" needs a lot_id on the same row (the lot's sales are found by it)");
    Loaded<List<OpeningLot>> good = Fixtures.loadText(LotsCsvLoader::load, "lots.csv",
        csv.replace("joint,VTI,10,1000,2009-05-01,,false\n", ""));
    assertThat(good.value().orElseThrow()).extracting(OpeningLot::basisReporting)
        .containsExactly(java.util.Optional.of(BasisReporting.NOT_REPORTED), java.util.Optional.empty());
  }

  /**
   * Employer stock held at the start (IRS Publication 525): award rsu or espp gives an opening lot
   * the facts an rsu_vest or espp_purchase row gives, so that its sales get code B and the ESPP
   * ordinary income. Before, lots.csv had no such columns ("is not a known column").
   */
  @Test
  void test_load_awards_rsuAndEspp() {
    String csv = "account,symbol,quantity,cost_basis,acquired,lot_id,award,reported_basis,fmv,offering_date,offering_fmv,offering_price\n"
        + "plan,KLN,250,7500.00,2019-02-15,KLN-2019,rsu,,,,,\n"
        + "plan,KLN,100,9500.00,2022-08-15,KLN-2022,RSU,9500.00,,,,\n"
        + "plan,KLN,120,8160.00,2023-06-30,ESPP-2023,espp,,80.00,2023-01-03,72.00,61.20\n"
        + "joint,VTI,10,1000,2019-05-01,,,,,,,\n";

    Loaded<List<OpeningLot>> loaded = Fixtures.loadText(LotsCsvLoader::load, "lots.csv", csv);

    assertThat(Fixtures.messages(loaded)).isEmpty();
    List<OpeningLot> lots = loaded.value().orElseThrow();
    assertThat(lots.get(0).award()).hasValueSatisfying(a -> {
      assertThat(a.offering()).isEmpty();
      assertThat(a.reportedBasis()).isEmpty(); // the ledger's default for RSU shares: 0
    });
    assertThat(lots.get(1).award().orElseThrow().reportedBasis()).hasValueSatisfying(
        b -> assertThat(b).isEqualByComparingTo("9500.00"));
    assertThat(lots.get(2).award().orElseThrow().offering()).hasValueSatisfying(o -> {
      assertThat(o.offeringDate()).isEqualTo(LocalDate.parse("2023-01-03"));
      assertThat(o.offeringFmv()).isEqualByComparingTo("72.00");
      assertThat(o.offeringPrice()).isEqualByComparingTo("61.20");
      assertThat(o.purchaseFmv()).isEqualByComparingTo("80.00");
    });
    assertThat(lots.get(3).award()).isEmpty();
  }

  @Test
  void test_load_awards_everyProblemAtOnce_withLineFieldAndValue() {
    String csv = "account,symbol,quantity,cost_basis,acquired,lot_id,award,reported_basis,fmv,offering_date,offering_fmv,offering_price\n"
        + "plan,KLN,10,100,2019-02-15,A,bonus,,,,,\n"
        + "plan,KLN,10,100,2023-06-30,B,espp,,,2023-01-03,72.00,\n"
        + "plan,KLN,10,100,2023-06-30,C,espp,,80.00,2023-07-03,72.00,61.20\n"
        + "plan,KLN,10,100,2023-06-30,D,espp,,80.00,2023-01-03,72.00,75.00\n"
        + "plan,KLN,10,100,2019-02-15,E,rsu,-5,80.00,,,\n"
        + "plan,KLN,10,100,2019-02-15,F,,0,,,,\n"
        + "plan,KLN,10,100,inherited:2019-02-15,G,rsu,,,,,\n";

    Loaded<List<OpeningLot>> loaded = Fixtures.loadText(LotsCsvLoader::load, "lots.csv", csv);

    assertThat(Fixtures.messages(loaded)).containsExactly(
        "lots.csv:2: award: \"bonus\" is not one of rsu (restricted stock units that vested) or espp (bought through an"
            + " employee stock purchase plan)",
        "lots.csv:3: fmv: is required for award espp: the fair market value per share on the purchase date",
        "lots.csv:3: offering_price: is required for award espp: the option price figured at the offering date (usually"
            + " 85% of offering_fmv)",
        "lots.csv:4: offering_date: \"2023-07-03\" is after the purchase date 2023-06-30 (acquired); the offering"
            + " (grant) date comes first",
        "lots.csv:5: offering_price: \"75.00\" is more than offering_fmv 72.00; expected the option price figured at the"
            + " offering date (usually 85% of offering_fmv)",
        "lots.csv:6: reported_basis: \"-5\" must not be negative",
        "lots.csv:6: fmv: \"80.00\" is not used by award rsu (only by espp); leave it empty",
        "lots.csv:7: reported_basis: \"0\" is only for employer stock: give award rsu or espp on the same row, or leave"
            + " it empty",
        "lots.csv:8: award: \"rsu\" is for compensation shares, but acquired says inherited; an inherited lot has no"
            + " award");
    assertThat(loaded.value().orElseThrow()).isEmpty();
  }
}
