package dev.keel.io.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.problem.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The limits every number and date must fall in ({@link InputLimits}), YAML aliases and second
 * documents ({@link YamlReader}), the line of bytes that are not UTF-8 ({@link Utf8Reader}).
 */
class InputValidationTest {

  private static List<String> cell(String raw, boolean date) {
    List<Problem> problems = new ArrayList<>();
    Cell cell = new Cell("f.csv", 3, "amount", raw, problems);
    if (date) {
      cell.date();
    } else {
      cell.decimal();
    }
    return problems.stream().map(Problem::toString).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e309", "1e999999999", "1000000000000", "-1000000000000"})
  void test_decimal_too_large(String raw) {
    assertThat(cell(raw, false)).containsExactly("f.csv:3: amount: \"" + raw + "\" is too large; at most 12 digits before the decimal point");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e-999999999", "0.00000000001", "1e-11"})
  void test_decimal_too_many_decimals(String raw) {
    assertThat(cell(raw, false)).containsExactly("f.csv:3: amount: \"" + raw + "\" has too many decimal places; at most 10");
  }

  @ParameterizedTest
  @ValueSource(strings = {"999999999999.9999999999", "0.0000000001", "1e11", "0E-999999999", "4.10500000000000000000"})
  void test_decimal_at_the_limits_accepted(String raw) {
    assertThat(cell(raw, false)).isEmpty();
    assertThat(InputLimits.checkNumber(new BigDecimal(raw))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+999999999-12-31", "1899-12-31", "2200-01-01", "+10000-01-01"})
  void test_date_out_of_range(String raw) {
    assertThat(cell(raw, true)).containsExactly("f.csv:3: amount: \"" + raw + "\" is out of range; expected a date from 1900-01-01 to 2199-12-31");
  }

  @Test
  void test_yaml_alias_reads_the_anchored_value_where_it_is_used() {
    Loaded<YamlNode> loaded = YamlReader.read("t.yaml", new StringReader(
        "a: &owners [Alex, Sam]\nb:\n  c: &n 5\n  d: *owners\ne: *n\nf: &m {k: 1}\ng: *m\n"));

    assertThat(loaded.problems()).isEmpty();
    YamlNode root = loaded.value().orElseThrow();
    assertThat(root.get("b").get("d").items()).extracting(YamlNode::text).containsExactly("Alex", "Sam");
    assertThat(root.get("b").get("d").line()).isEqualTo(4);
    assertThat(root.get("b").get("d").items().get(1).path()).isEqualTo("b.d[1]");
    assertThat(root.get("e").text()).isEqualTo("5");
    assertThat(root.get("g").get("k").text()).isEqualTo("1");
    assertThat(root.get("g").get("k").path()).isEqualTo("g.k");
  }

  @Test
  void test_yaml_alias_without_anchor_is_a_problem() {
    Loaded<YamlNode> loaded = YamlReader.read("t.yaml", new StringReader("a: 1\nb: *nothing\n"));

    assertThat(loaded.problems()).extracting(Problem::toString)
        .containsExactly("t.yaml:2: b: \"*nothing\" refers to no anchor (&nothing) above it");
  }

  @Test
  void test_yaml_second_document_is_a_problem() {
    Loaded<YamlNode> loaded = YamlReader.read("t.yaml", new StringReader("a: 1\n---\nb: 2\n"));

    assertThat(loaded.problems()).extracting(Problem::toString).singleElement().asString()
        .startsWith("t.yaml:3: has a second YAML document");
  }

  @Test
  void test_yaml_document_start_marker_alone_is_fine() {
    assertThat(YamlReader.read("t.yaml", new StringReader("---\na: 1\n")).problems()).isEmpty();
  }

  @Test
  void test_utf8_reader_names_the_line_of_the_first_bad_byte() throws IOException {
    // 100,000 good lines so that the bad byte is far past the first block the reader decodes.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      text.append("VTI,").append(i).append('\n');
    }
    byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 6];
    System.arraycopy(good, 0, bytes, 0, good.length);
    System.arraycopy(new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n', 'x'}, 0, bytes, good.length, 6);

    try (Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes))) {
      char[] buffer = new char[8192];
      int read = 0;
      Utf8Reader.NotUtf8Exception failure = null;
      try {
        for (int n; (n = reader.read(buffer)) > 0; ) {
          read += n;
        }
      } catch (Utf8Reader.NotUtf8Exception e) {
        failure = e;
      }
      assertThat(failure).isNotNull();
      assertThat(failure.line()).isEqualTo(100_001);
      assertThat(read).isEqualTo(good.length + 3);
    }
  }

  @Test
  void test_unreadable_file_reasons_name_the_cause_not_the_path() {
    // The JDK's AccessDeniedException message is only the path; the reason is in its type.
    assertThat(FolderSource.reason(new java.nio.file.AccessDeniedException("/h/lots.csv")))
        .isEqualTo("permission denied (this user may not read it)");
    assertThat(FolderSource.reason(new java.nio.file.FileSystemException("/h/lots.csv", null, "Is a directory")))
        .isEqualTo("Is a directory");
  }

  @Test
  void test_folder_source_reports_a_fifo_as_not_a_regular_file(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", dir.resolve("lots.csv").toString())
        .start().waitFor() == 0, "mkfifo is available");

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> FolderSource.directory(dir).open("lots.csv")))
        .isInstanceOf(UnreadableFileException.class).hasMessage("is not a regular file (a device or a pipe?)");
  }

  @Test
  void test_utf8_reader_reads_multibyte_text_across_blocks() throws IOException {
    String text = "é€𝄞\n".repeat(40_000);
    try (Reader reader = new Utf8Reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      StringBuilder out = new StringBuilder();
      char[] buffer = new char[1000];
      for (int n; (n = reader.read(buffer)) > 0; ) {
        out.append(buffer, 0, n);
      }
      assertThat(out.toString()).isEqualTo(text);
    }
  }
}
