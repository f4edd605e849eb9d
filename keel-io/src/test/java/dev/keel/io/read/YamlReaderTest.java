package dev.keel.io.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.problem.Problem;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests {@link YamlReader}: nodes know their lines; syntax errors and duplicate keys name theirs. */
class YamlReaderTest {

  private static Loaded<YamlNode> read(String text) {
    return YamlReader.read("t.yaml", new StringReader(text));
  }

  private static List<String> problems(Loaded<?> loaded) {
    return loaded.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void test_read_linesAndPaths() {
    YamlNode root = read("# c\na: 1\nb:\n  c: 0.50\n  d: [x, y]\nl:\n  - id: j\n    t: yes\n").value().orElseThrow();

    assertThat(root.isMap()).isTrue();
    assertThat(root.get("a").line()).isEqualTo(2);
    assertThat(root.get("b").get("c").text()).isEqualTo("0.50"); // the text as written, not a double
    assertThat(root.get("b").get("c").path()).isEqualTo("b.c");
    assertThat(root.get("b").get("d").items()).extracting(YamlNode::text).containsExactly("x", "y");
    YamlNode item = root.get("l").items().get(0);
    assertThat(item.line()).isEqualTo(7);
    assertThat(item.get("t").path()).isEqualTo("l[0].t");
    assertThat(item.get("t").line()).isEqualTo(8);
  }

  @Test
  void test_read_crlfAndByteOrderMark() {
    YamlNode root = read("\uFEFFa: 1\r\nb: 2\r\n").value().orElseThrow();

    assertThat(root.get("a").text()).isEqualTo("1");
    assertThat(root.get("b").line()).isEqualTo(2);
  }

  @Test
  void test_read_empty_isNull() {
    assertThat(read("").value().orElseThrow().isNull()).isTrue();
    assertThat(read("# nothing\n").value().orElseThrow().isNull()).isTrue();
  }

  @Test
  void test_read_duplicateKey_firstKept() {
    Loaded<YamlNode> loaded = read("a: 1\nb:\n  c: 2\n  c: 3\na: 4\n");

    assertThat(problems(loaded)).containsExactly(
        "t.yaml:4: b.c: appears twice (first on line 3)",
        "t.yaml:5: a: appears twice (first on line 1)");
    assertThat(loaded.value().orElseThrow().get("a").text()).isEqualTo("1");
  }

  @Test
  void test_read_syntaxError_oneLineAtTheFault() {
    Loaded<YamlNode> loaded = read("a: 1\nb: [x, y\nc: 2\n");

    assertThat(problems(loaded)).containsExactly(
        "t.yaml:3: is not valid YAML: expected ',' or ']', but got : (column 2, while parsing a flow sequence started on line 2)");
    assertThat(loaded.value()).isEmpty();
  }

  @Test
  void test_read_badIndentation() {
    assertThat(problems(read("a: 1\n  b: 2\nc: 3\n"))).containsExactly(
        "t.yaml:2: is not valid YAML: mapping values are not allowed here (column 4)");
  }

  @Test
  void test_read_tab_lineOfTheTab() {
    // Jackson's own location is line 1 here; the tab is on line 3.
    assertThat(problems(read("a: 1\nb:\n\tc: 2\n"))).singleElement().asString()
        .startsWith("t.yaml:3: is not valid YAML: found character '\\t(TAB)' that cannot start any token.");
  }
}
