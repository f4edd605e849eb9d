package dev.keel.io.read;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeTest {
  void show(String label, String text) {
    var l = YamlReader.read("x.yaml", new StringReader(text));
    System.out.println("== " + label);
    l.value().ifPresent(n -> dump(n, ""));
    l.problems().forEach(p -> System.out.println("P " + p));
  }
  void dump(YamlNode n, String ind) {
    System.out.println(ind + n.kind() + " line=" + n.line() + " path=" + n.path() + " text=" + n.text());
    n.entries().values().forEach(c -> dump(c, ind + "  "));
    n.items().forEach(c -> dump(c, ind + "  "));
  }

  @Test
  void probe() {
    show("plain", "a: 1\nb:\n  c: 0.50\n  d: [x, y]\nl:\n  - id: j\n    t: yes\n");
    show("bom", "\uFEFFa: 1\nb: 2\n");
    show("crlf", "a: 1\r\nb: 2\r\nc: x\r\n");
    show("syntax", "a: 1\nb: [x, y\nc: 2\n");
    show("syntax2", "a: 1\n  b: 2\nc: 3\n");
    show("tab", "a: 1\n\tb: 2\n");
    show("dup", "a: 1\nb: 2\na: 3\n");
    show("comment", "# c\n\na: 1 # x\n");
    show("empty", "");
    show("date", "d: 2026-08-15\nn: 285000\nf: 0.05\nnull: ~\n");
  }
}
