package dev.keel.io.read;

import dev.keel.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Collection;

/**
 * A YAML mapping being read: hands out {@link Cell}s for scalar entries and reports keys nobody
 * asked for, so that a typo ({@code lot_metod}) is a problem rather than a silent default.
 */
public final class YamlMap {

  private final String file;
  private final YamlNode node;
  private final List<Problem> problems;

  private YamlMap(String file, YamlNode node, List<Problem> problems) {
    this.file = file;
    this.node = node;
    this.problems = problems;
  }

  /**
   * The top-level mapping of a YAML file: empty, with the reasons added to {@code problems}, when
   * the file does not parse, is empty ("expected {@code expected}") or is not a mapping.
   */
  public static Optional<YamlMap> top(String file, java.io.Reader reader, String what, String expected, List<Problem> problems) {
    Loaded<YamlNode> yaml = YamlReader.read(file, reader);
    problems.addAll(yaml.problems());
    if (yaml.value().isEmpty()) {
      return Optional.empty();
    }
    YamlNode root = yaml.value().get();
    if (root.isNull()) {
      problems.add(Problem.ofFile(file, "is empty; expected " + expected));
      return Optional.empty();
    }
    return of(file, root, what, problems);
  }

  /** A map view of {@code node}, or empty (with a problem) when it is not a mapping. */
  public static Optional<YamlMap> of(String file, YamlNode node, String what, List<Problem> problems) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isMap()) {
      problems.add(new Problem(file, node.line(), label(node, what), node.display(), "must be a mapping of key: value"));
      return Optional.empty();
    }
    return Optional.of(new YamlMap(file, node, problems));
  }

  public YamlNode node() {
    return node;
  }

  public int line() {
    return node.line();
  }

  public YamlNode child(String key) {
    return node.get(key);
  }

  /** The scalar under {@code key} as a cell (blank when absent); a non-scalar there is a problem. */
  public Cell cell(String key) {
    YamlNode child = node.get(key);
    String path = node.path().isEmpty() ? key : node.path() + "." + key;
    if (child == null || child.isNull()) {
      return new Cell(file, child == null ? node.line() : child.line(), path, null, problems);
    }
    if (!child.isScalar()) {
      problems.add(new Problem(file, child.line(), path, null, "must be a single value, not a " + (child.isMap() ? "mapping" : "list")));
      return new Cell(file, child.line(), path, null, new ArrayList<>());
    }
    return new Cell(file, child.line(), path, child.text(), problems);
  }

  /** A list of scalars under {@code key}; a single scalar counts as a list of one. */
  public List<Cell> cells(String key) {
    YamlNode child = node.get(key);
    List<Cell> out = new ArrayList<>();
    if (child == null || child.isNull()) {
      return out;
    }
    if (child.isScalar()) {
      out.add(new Cell(file, child.line(), child.path(), child.text(), problems));
      return out;
    }
    if (!child.isList()) {
      problems.add(new Problem(file, child.line(), child.path(), null, "must be a list"));
      return out;
    }
    for (YamlNode item : child.items()) {
      if (item.isScalar()) {
        out.add(new Cell(file, item.line(), child.path(), item.text(), problems));
      } else {
        problems.add(new Problem(file, item.line(), child.path(), item.display(), "must be a single value"));
      }
    }
    return out;
  }

  /**
   * Reports every key not in {@code allowed}. The message lists the allowed keys in the order
   * given, so pass an ordered collection ({@code List.of}): {@code Set.of} iterates in an order
   * that changes from one run to the next.
   */
  public void allowOnly(Collection<String> allowed) {
    for (var entry : node.entries().entrySet()) {
      // The key itself, not the tail of the path: "foo.income" must not pass for "income".
      String key = entry.getKey();
      YamlNode child = entry.getValue();
      if (!allowed.contains(key)) {
        problems.add(new Problem(file, child.line(), child.path(), null,
            "is not a known setting; expected one of " + String.join(", ", allowed)));
      }
    }
  }

  private static String label(YamlNode node, String what) {
    return node.path().isEmpty() ? what : node.path();
  }
}
