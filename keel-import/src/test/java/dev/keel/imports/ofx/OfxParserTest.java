package dev.keel.imports.ofx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.problem.Problem;
import dev.keel.io.read.Loaded;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OfxParserTest {

  private static final String HEADER = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n";

  @Test
  void sgml_and_xml_give_the_same_tree() {
    String sgml = HEADER + "<OFX>\n<A><B>1<C>two</A>\n<A><B>3</B></A>\n</OFX>\n";
    String xml = "<?xml version=\"1.0\"?>\n<?OFX OFXHEADER=\"200\" VERSION=\"211\"?>\n<OFX><A><B>1</B><C>two</C></A><A><B>3</B></A></OFX>";
    OfxElement a = OfxParser.parse("a.qfx", sgml.getBytes(StandardCharsets.US_ASCII)).value().orElseThrow();
    OfxElement b = OfxParser.parse("b.ofx", xml.getBytes(StandardCharsets.UTF_8)).value().orElseThrow();
    assertThat(shape(a)).isEqualTo(shape(b)).isEqualTo("OFX(A(B=1,C=two),A(B=3))");
    assertThat(a.all("A").get(1).child("B").orElseThrow().path()).isEqualTo("OFX/A[2]/B");
    assertThat(a.all("A").get(1).line()).isEqualTo(8);
  }

  @Test
  void sgml_text_is_decoded_as_windows_1252_and_entities_are_unescaped() {
    byte[] bytes = (HEADER + "<OFX><NAME>S&amp;P caf\u00e9</OFX>").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(OfxParser.parse("a.qfx", bytes).value().orElseThrow().text("NAME")).contains("S&P caf\u00e9");
  }

  @Test
  void truncated_sgml_names_the_aggregate_left_open() {
    Loaded<OfxElement> parsed = OfxParser.parse("t.qfx", (HEADER + "<OFX>\n<INVSTMTRS>\n<INVTRANLIST>\n<BUYSTOCK>\n<UNITS>10\n")
        .getBytes(StandardCharsets.US_ASCII));
    assertThat(parsed.value()).isEmpty();
    Problem p = parsed.problems().get(0);
    assertThat(p.field()).isEqualTo("OFX/INVSTMTRS/INVTRANLIST/BUYSTOCK");
    assertThat(p.message()).contains("not closed");
  }

  @Test
  void an_end_tag_without_its_start_is_a_problem_with_its_line() {
    Loaded<OfxElement> parsed = OfxParser.parse("u.qfx", (HEADER + "<OFX>\n<A>\n</B>\n</OFX>").getBytes(StandardCharsets.US_ASCII));
    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(8);
      assertThat(p.message()).contains("</B> without its start tag");
    });
  }

  @Test
  void truncated_xml_is_reported_with_its_line() {
    Loaded<OfxElement> parsed = OfxParser.parse("t.ofx", "<?xml version=\"1.0\"?>\n<?OFX OFXHEADER=\"200\"?>\n<OFX>\n<A>\n<B>1</B>"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(parsed.value()).isEmpty();
    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isGreaterThanOrEqualTo(5);
      assertThat(p.message()).contains("not well-formed");
    });
  }

  @Test
  void recognises_ofx_by_its_start_only() {
    assertThat(OfxParser.looksLikeOfx("\uFEFFOFXHEADER:100\n".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(OfxParser.looksLikeOfx("<?xml version=\"1.0\"?><?OFX OFXHEADER=\"200\"?>".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(OfxParser.looksLikeOfx("<?xml version=\"1.0\"?><html/>".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(OfxParser.looksLikeOfx("Date,Action\n".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  private static String shape(OfxElement e) {
    if (e.children().isEmpty()) {
      return e.name() + "=" + e.text();
    }
    return e.name() + "(" + String.join(",", e.children().stream().map(OfxParserTest::shape).toList()) + ")";
  }
}
