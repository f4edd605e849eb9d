package dev.keel.io.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.problem.Problem;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests {@link CsvTable}: line numbers through comments, blank lines, CRLF and quoted newlines; the header. */
class CsvTableTest {

  private static final List<String> REQUIRED = List.of("a", "b");
  private static final List<String> OPTIONAL = List.of("c");

  private static Loaded<List<CsvTable.Row>> read(String text) {
    return CsvTable.read("t.csv", new StringReader(text), REQUIRED, OPTIONAL);
  }

  private static List<String> rows(Loaded<List<CsvTable.Row>> loaded) {
    return loaded.value().orElseThrow().stream().map(r -> r.line() + " " + r.values()).toList();
  }

  private static List<String> problems(Loaded<?> loaded) {
    return loaded.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void test_read_lineNumbers_skipCommentsAndBlankLines() {
    Loaded<List<CsvTable.Row>> loaded = read("# note\na,b\n# c\n1,2\n\n\n# d\n3,4\n");

    assertThat(problems(loaded)).isEmpty();
    assertThat(rows(loaded)).containsExactly("4 {a=1, b=2}", "8 {a=3, b=4}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r\n", "\r", "\n"})
  void test_read_lineEndings(String eol) {
    Loaded<List<CsvTable.Row>> loaded = read("a,b" + eol + "1,2" + eol + eol + "3,4" + eol);

    assertThat(rows(loaded)).containsExactly("2 {a=1, b=2}", "4 {a=3, b=4}");
  }

  @Test
  void test_read_byteOrderMark_ignored() {
    Loaded<List<CsvTable.Row>> loaded = read("\uFEFFa,b\n1,2\n");

    assertThat(problems(loaded)).isEmpty();
    assertThat(rows(loaded)).containsExactly("2 {a=1, b=2}");
  }

  @Test
  void test_read_byteOrderMarkOnly_isEmpty() {
    assertThat(problems(read("\uFEFF"))).containsExactly("t.csv: is empty; expected a header line: a,b");
  }

  @Test
  void test_read_quotedNewline_rowKeepsItsFirstLine() {
    Loaded<List<CsvTable.Row>> loaded = read("a,b\n\"two\nlines\",2\n3,4\n");

    assertThat(rows(loaded)).containsExactly("2 {a=two\nlines, b=2}", "4 {a=3, b=4}");
  }

  @Test
  void test_read_headerCaseInsensitive_optionalMissingEntirely_shortRow() {
    Loaded<List<CsvTable.Row>> loaded = read("B,A\n2,1\n5\n");

    // Columns absent from the header, and values missing from a short row, read as null.
    assertThat(rows(loaded)).containsExactly("2 {b=2, a=1}", "3 {b=5, a=null}");
    assertThat(loaded.value().orElseThrow().get(0).cell("c").blank()).isTrue();
  }

  @Test
  void test_read_valuesTrimmed() {
    assertThat(rows(read("a,b\n 1 , 2 \n"))).containsExactly("2 {a=1, b=2}");
  }

  @Test
  void test_read_rowsOfEmptyValues_skipped() {
    assertThat(rows(read("a,b,c\n,,\n1,2,3\n , ,\n"))).containsExactly("3 {a=1, b=2, c=3}");
  }

  @Test
  void test_read_headerProblems_allReported_noRows() {
    Loaded<List<CsvTable.Row>> loaded = read("a,x,A\n1,2,3\n");

    assertThat(problems(loaded)).containsExactly(
        "t.csv:1: header: \"x\" is not a known column; expected a,b,c",
        "t.csv:1: header: \"A\" appears twice",
        "t.csv:1: header: is missing column \"b\"; expected a,b,c");
    assertThat(loaded.value().orElseThrow()).isEmpty();
  }

  @Test
  void test_read_headerAfterComments_lineOfHeader() {
    assertThat(problems(read("# exported\n\nA,z\n"))).containsExactly(
        "t.csv:3: header: \"z\" is not a known column; expected a,b,c",
        "t.csv:3: header: is missing column \"b\"; expected a,b,c");
  }

  @Test
  void test_read_tooManyValues_rowSkippedOthersKept() {
    Loaded<List<CsvTable.Row>> loaded = read("a,b\n1,2,3\n4,5\n");

    assertThat(problems(loaded)).containsExactly("t.csv:2: \"3\" is an extra value: the row has 3 values but the header has 2 columns (a,b); "
        + "a value with a comma must be in double quotes");
    assertThat(rows(loaded)).containsExactly("3 {a=4, b=5}");
  }

  @Test
  void test_read_unclosedQuote_reportedOnItsRow() {
    Loaded<List<CsvTable.Row>> loaded = read("a,b\n1,2\n3,\"4\n5,6\n");

    assertThat(problems(loaded)).containsExactly("t.csv:3: is not valid CSV: Missing closing quote for value (found on line 5)");
    assertThat(rows(loaded)).containsExactly("2 {a=1, b=2}");
  }

  @Test
  void test_read_empty() {
    assertThat(problems(read(""))).containsExactly("t.csv: is empty; expected a header line: a,b");
    assertThat(problems(read("# only a comment\n\n"))).containsExactly("t.csv: is empty; expected a header line: a,b");
  }

  @Test
  void test_read_rowsShareTheProblemList() {
    Loaded<List<CsvTable.Row>> loaded = read("a,b\nx,2\n");
    CsvTable.Row row = loaded.value().orElseThrow().get(0);

    row.cell("a").decimal();

    assertThat(row.problems()).extracting(Problem::toString).containsExactly("t.csv:2: a: \"x\" is not a number");
  }
}
