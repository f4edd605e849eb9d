package dev.keel.imports.ofx;

import dev.keel.core.problem.Problem;
import dev.keel.io.read.Loaded;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OFX/QFX file into its element tree. Version 1.x files start with a plain-text header
 * ({@code OFXHEADER:100}, {@code DATA:OFXSGML}, {@code CHARSET:1252}...) followed by SGML in which
 * leaf elements need no end tag; version 2.x files are XML with an {@code <?OFX ...?>}
 * processing instruction. Both give the same tree.
 */
public final class OfxParser {

  private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z0-9.]+)\\s*>");
  private static final Pattern CHARSET = Pattern.compile("(?m)^CHARSET:\\s*(\\S+)");

  private OfxParser() {}

  /** Whether the bytes look like OFX (either version), judged by their start. */
  public static boolean looksLikeOfx(byte[] content) {
    String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1).stripLeading();
    if (head.startsWith("\uFEFF") || head.startsWith("\u00EF\u00BB\u00BF")) {
      head = head.substring(head.startsWith("\uFEFF") ? 1 : 3).stripLeading();
    }
    return head.startsWith("OFXHEADER") || head.startsWith("<OFX>")
        || (head.startsWith("<?xml") && head.contains("<?OFX"));
  }

  /** The version family read: "OFX 1.x (SGML)" or "OFX 2.x (XML)". */
  public static String version(byte[] content) {
    String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
    return head.contains("<?xml") ? "OFX 2.x (XML)" : "OFX 1.x (SGML)";
  }

  public static Loaded<OfxElement> parse(String file, byte[] content) {
    return version(content).startsWith("OFX 2") ? xml(file, content) : sgml(file, content);
  }

  static Loaded<OfxElement> sgml(String file, byte[] content) {
    String latin = new String(content, StandardCharsets.ISO_8859_1);
    Charset charset = StandardCharsets.UTF_8;
    Matcher cs = CHARSET.matcher(latin.substring(0, Math.max(0, latin.indexOf('<') < 0 ? latin.length() : latin.indexOf('<'))));
    if (cs.find() && !cs.group(1).equalsIgnoreCase("NONE") && !cs.group(1).toUpperCase(Locale.ROOT).contains("UTF")) {
      // CHARSET:1252 is the usual value: Windows-1252 (a superset of ISO-8859-1 for printable text).
      charset = Charset.isSupported("windows-1252") ? Charset.forName("windows-1252") : StandardCharsets.ISO_8859_1;
    }
    String text = new String(content, charset);
    int start = text.indexOf('<');
    if (start < 0) {
      return Loaded.failed(List.of(Problem.ofFile(file, "has an OFX header but no <OFX> document; is the download truncated?")));
    }
    Deque<OfxElement.Builder> open = new ArrayDeque<>();
    OfxElement.Builder root = null;
    Matcher m = TAG.matcher(text);
    int pos = start;
    int line = 1 + count(text, 0, start);
    while (pos < text.length()) {
      int lt = text.indexOf('<', pos);
      String between = text.substring(pos, lt < 0 ? text.length() : lt);
      if (!between.isBlank()) {
        if (open.isEmpty()) {
          return bad(file, line, "text \"" + clip(between) + "\" outside the <OFX> element");
        }
        open.peek().text.append(unescape(between));
      }
      line += count(text, pos, lt < 0 ? text.length() : lt);
      if (lt < 0) {
        break;
      }
      if (!m.find(lt) || m.start() != lt) {
        int end = text.indexOf('>', lt);
        return bad(file, line, "is not a valid OFX tag: \"" + clip(text.substring(lt, end < 0 ? Math.min(text.length(), lt + 30) : end + 1)) + "\"");
      }
      String name = m.group(2).toUpperCase(Locale.ROOT);
      if (m.group(1).isEmpty()) {
        OfxElement.Builder element = new OfxElement.Builder(name, line);
        if (open.isEmpty()) {
          if (root != null) {
            return bad(file, line, "has content after the end of the <OFX> element");
          }
          root = element;
        } else {
          // A leaf with text and no end tag ends where the next tag begins (OFX 1.x, SGML).
          if (open.peek().children.isEmpty() && !open.peek().text.toString().isBlank()) {
            open.pop();
          }
          open.peek().children.add(element);
        }
        open.push(element);
      } else {
        if (open.stream().noneMatch(b -> b.name.equals(name))) {
          return bad(file, line, "has the end tag </" + name + "> without its start tag");
        }
        while (!open.peek().name.equals(name)) {
          open.pop();
        }
        open.pop();
      }
      line += count(text, m.start(), m.end());
      pos = m.end();
    }
    if (root == null) {
      return bad(file, line, "has no <OFX> element");
    }
    // Close leaves left open at the end; an aggregate left open means the file was cut short.
    while (!open.isEmpty() && open.peek().children.isEmpty() && !open.peek().text.toString().isBlank()) {
      open.pop();
    }
    if (!open.isEmpty()) {
      StringBuilder path = new StringBuilder();
      open.descendingIterator().forEachRemaining(b -> path.append(path.length() == 0 ? "" : "/").append(b.name));
      return Loaded.failed(List.of(new Problem(file, line, path.toString(), null,
          "is not closed: the file ends inside it (a truncated download?)")));
    }
    return Loaded.of(root.build(""), List.of());
  }

  static Loaded<OfxElement> xml(String file, byte[] content) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new java.io.ByteArrayInputStream(content));
      Deque<OfxElement.Builder> open = new ArrayDeque<>();
      OfxElement.Builder root = null;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          OfxElement.Builder element = new OfxElement.Builder(reader.getLocalName().toUpperCase(Locale.ROOT),
              reader.getLocation().getLineNumber());
          if (open.isEmpty()) {
            root = element;
          } else {
            open.peek().children.add(element);
          }
          open.push(element);
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          if (!open.isEmpty()) {
            open.peek().text.append(reader.getText());
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          open.pop();
        }
      }
      if (root == null) {
        return bad(file, 0, "has no <OFX> element");
      }
      return Loaded.of(root.build(""), List.of());
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
      String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
      return bad(file, line, "is not well-formed OFX 2 XML (a truncated download?): " + message.strip());
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // Nothing more to report: the document was read or its problem already reported.
        }
      }
    }
  }

  private static Loaded<OfxElement> bad(String file, int line, String message) {
    return Loaded.failed(List.of(new Problem(file, line, null, null, message)));
  }

  private static int count(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static String clip(String s) {
    String t = s.strip();
    return t.length() > 40 ? t.substring(0, 40) + "..." : t;
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&nbsp;", " ");
  }
}
