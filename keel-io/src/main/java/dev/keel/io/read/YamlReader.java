package dev.keel.io.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.keel.core.problem.Problem;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Parses a YAML document with Jackson's streaming parser into {@link YamlNode}s that know their lines. */
public final class YamlReader {

  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlReader() {}

  public static Loaded<YamlNode> read(String file, Reader reader) {
    List<Problem> problems = new ArrayList<>();
    String text;
    try {
      // Household YAML files are small; read once, parsed twice (see scalarAnchors).
      StringBuilder all = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n; (n = reader.read(buffer)) > 0; ) {
        all.append(buffer, 0, n);
      }
      text = all.toString();
    } catch (IOException e) {
      if (CsvTable.notUtf8(e)) {
        return Loaded.failed(List.of(new Problem(file, CsvTable.notUtf8Line(e), null, null, "is not UTF-8 text; save it as UTF-8")));
      }
      return Loaded.failed(List.of(Problem.ofFile(file, "could not be read: " + e.getMessage())));
    }
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return Loaded.of(new YamlNode(YamlNode.Kind.NULL, 1, "", null, null, null), problems);
      }
      Map<String, YamlNode> anchors = new HashMap<>(scalarAnchors(text));
      YamlNode root = node(file, parser, "", anchors, problems);
      // A second document ("---" and more below it) would be silently ignored: say so instead.
      if (parser.nextToken() != null) {
        problems.add(new Problem(file, parser.currentTokenLocation().getLineNr(), null, null,
            "has a second YAML document (after a line \"---\"); a household file is one document: remove the \"---\" "
                + "line or merge the documents"));
      }
      return Loaded.of(root, problems);
    } catch (IOException e) {
      if (CsvTable.notUtf8(e)) {
        return Loaded.failed(List.of(new Problem(file, CsvTable.notUtf8Line(e), null, null, "is not UTF-8 text; save it as UTF-8")));
      }
      if (e instanceof JsonProcessingException syntax) {
        return Loaded.failed(List.of(syntaxProblem(file, syntax)));
      }
      return Loaded.failed(List.of(Problem.ofFile(file, "could not be read: " + e.getMessage())));
    }
  }

  /**
   * One line naming where the YAML scanner found the problem. Jackson's own location is where its
   * parser stood, which may be lines before the fault (a tab on line 2 is reported at line 1), and
   * its message carries a multi-line snippet; SnakeYAML's problem mark is exact.
   */
  static Problem syntaxProblem(String file, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    int line = at == null ? 0 : Math.max(0, at.getLineNr());
    String message = e.getOriginalMessage();
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
      StringBuilder text = new StringBuilder(marked.getProblem().strip());
      Mark problem = marked.getProblemMark();
      if (problem != null) {
        line = problem.getLine() + 1;
        text.append(" (column ").append(problem.getColumn() + 1);
        Mark context = marked.getContextMark();
        if (marked.getContext() != null && context != null) {
          text.append(", ").append(marked.getContext().strip()).append(" started on line ").append(context.getLine() + 1);
        }
        text.append(')');
      }
      message = text.toString();
    }
    return new Problem(file, line, null, null, "is not valid YAML: " + message.replaceAll("\\s*\\R\\s*", " ").strip());
  }

  private static YamlNode node(String file, JsonParser parser, String path, Map<String, YamlNode> anchors,
      List<Problem> problems) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    JsonToken token = parser.currentToken();
    YAMLParser yaml = parser instanceof YAMLParser y ? y : null;
    if (yaml != null && yaml.isCurrentAlias()) {
      // "*name": the node anchored as "&name" earlier, read again at this place.
      YamlNode anchored = anchors.get(parser.getText());
      if (anchored == null) {
        problems.add(new Problem(file, line, path, "*" + parser.getText(), "refers to no anchor (&" + parser.getText() + ") above it"));
        return new YamlNode(YamlNode.Kind.NULL, line, path, null, null, null);
      }
      return relocate(anchored, path, line);
    }
    // The anchor of a mapping or list ("&name"); scalars' anchors come from scalarAnchors.
    Object id = yaml == null ? null : yaml.getObjectId();
    String anchor = id == null ? null : id.toString();
    YamlNode built = build(file, parser, path, line, token, anchors, problems);
    if (anchor != null) {
      anchors.put(anchor, built);
    }
    return built;
  }

  /**
   * Anchored scalars ({@code cash: &c 100}), which Jackson's parser does not report (it gives the
   * anchors of mappings and lists only): read from SnakeYAML's events. A name anchored twice keeps
   * its first value; a syntax error is left to the main parse to report.
   */
  private static Map<String, YamlNode> scalarAnchors(String text) {
    Map<String, YamlNode> anchors = new HashMap<>();
    if (text.indexOf('&') < 0) {
      return anchors;
    }
    try {
      for (org.yaml.snakeyaml.events.Event event : new org.yaml.snakeyaml.Yaml().parse(new java.io.StringReader(text))) {
        if (event instanceof org.yaml.snakeyaml.events.ScalarEvent scalar && scalar.getAnchor() != null) {
          int line = scalar.getStartMark() == null ? 0 : scalar.getStartMark().getLine() + 1;
          anchors.putIfAbsent(scalar.getAnchor(), new YamlNode(YamlNode.Kind.SCALAR, line, "", scalar.getValue(), null, null));
        }
      }
    } catch (RuntimeException e) {
      // Reported by the main parse, with its line.
    }
    return anchors;
  }

  /** A copy of {@code node} placed at {@code path}: every problem in it is then reported where the alias is. */
  private static YamlNode relocate(YamlNode node, String path, int line) {
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    node.entries().forEach((key, child) -> entries.put(key, relocate(child, path.isEmpty() ? key : path + "." + key, line)));
    List<YamlNode> items = new ArrayList<>();
    for (int i = 0; i < node.items().size(); i++) {
      items.add(relocate(node.items().get(i), path + "[" + i + "]", line));
    }
    return new YamlNode(node.kind(), line, path, node.text(), entries, items);
  }

  private static YamlNode build(String file, JsonParser parser, String path, int line, JsonToken token,
      Map<String, YamlNode> anchors, List<Problem> problems) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = parser.currentTokenLocation().getLineNr();
          parser.nextToken();
          String childPath = path.isEmpty() ? key : path + "." + key;
          YamlNode child = node(file, parser, childPath, anchors, problems);
          if (entries.containsKey(key)) {
            problems.add(new Problem(file, keyLine, childPath, null,
                "appears twice (first on line " + entries.get(key).line() + ")"));
          } else {
            entries.put(key, child);
          }
        }
        return new YamlNode(YamlNode.Kind.MAP, line, path, null, entries, null);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(node(file, parser, path + "[" + index++ + "]", anchors, problems));
        }
        return new YamlNode(YamlNode.Kind.LIST, line, path, null, null, items);
      }
      case VALUE_NULL -> {
        return new YamlNode(YamlNode.Kind.NULL, line, path, null, null, null);
      }
      default -> {
        return new YamlNode(YamlNode.Kind.SCALAR, line, path, parser.getText(), null, null);
      }
    }
  }
}
