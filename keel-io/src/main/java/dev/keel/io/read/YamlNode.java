package dev.keel.io.read;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on, so that every problem in a YAML file can name its line.
 * Scalars keep their text as written.
 */
public record YamlNode(Kind kind, int line, String path, String text, Map<String, YamlNode> entries, List<YamlNode> items) {

  public enum Kind { MAP, LIST, SCALAR, NULL }

  public YamlNode {
    entries = entries == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    items = items == null ? List.of() : List.copyOf(items);
  }

  public boolean isMap() {
    return kind == Kind.MAP;
  }

  public boolean isList() {
    return kind == Kind.LIST;
  }

  public boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  public boolean isNull() {
    return kind == Kind.NULL;
  }

  /** The entry under {@code key} of a map, or null. */
  public YamlNode get(String key) {
    return entries.get(key);
  }

  /** How the value reads in a message. */
  public String display() {
    return switch (kind) {
      case SCALAR -> text;
      case NULL -> "";
      case MAP -> "{...}";
      case LIST -> "[...]";
    };
  }
}
