package dev.keel.imports.ofx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of an OFX document: an aggregate (children, no text) or a leaf (text). Names are
 * upper-case as OFX writes them; {@code path} names the element from the root with a 1-based index
 * among same-named siblings where there are several ({@code OFX/.../INVTRANLIST/BUYSTOCK[2]}).
 */
public record OfxElement(String name, String text, List<OfxElement> children, int line, String path) {

  public OfxElement {
    Objects.requireNonNull(name, "name");
    text = text == null ? "" : text;
    children = List.copyOf(children);
    Objects.requireNonNull(path, "path");
  }

  public Optional<OfxElement> child(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst();
  }

  public List<OfxElement> all(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  /** The text of a leaf found by a path of child names ({@code "INVTRAN", "FITID"}), empty when absent or blank. */
  public Optional<String> text(String... names) {
    Optional<OfxElement> at = Optional.of(this);
    for (String n : names) {
      at = at.flatMap(e -> e.child(n));
    }
    return at.map(OfxElement::text).map(String::trim).filter(s -> !s.isEmpty());
  }

  /** The element at a path of child names, empty when absent. */
  public Optional<OfxElement> find(String... names) {
    Optional<OfxElement> at = Optional.of(this);
    for (String n : names) {
      at = at.flatMap(e -> e.child(n));
    }
    return at;
  }

  /** Every descendant named so, depth first. */
  public List<OfxElement> descendants(String descendantName) {
    List<OfxElement> out = new ArrayList<>();
    for (OfxElement c : children) {
      if (c.name.equals(descendantName)) {
        out.add(c);
      }
      out.addAll(c.descendants(descendantName));
    }
    return out;
  }

  /** Builds elements while a parser walks the document; assigns paths with sibling indexes. */
  static final class Builder {
    final String name;
    final int line;
    final StringBuilder text = new StringBuilder();
    final List<Builder> children = new ArrayList<>();

    Builder(String name, int line) {
      this.name = name;
      this.line = line;
    }

    OfxElement build(String parentPath) {
      String path = parentPath.isEmpty() ? name : parentPath + "/" + name;
      List<OfxElement> built = new ArrayList<>();
      java.util.Map<String, Integer> counts = new java.util.HashMap<>();
      for (Builder c : children) {
        counts.merge(c.name, 1, Integer::sum);
      }
      java.util.Map<String, Integer> seen = new java.util.HashMap<>();
      for (Builder c : children) {
        int n = seen.merge(c.name, 1, Integer::sum);
        String index = counts.get(c.name) > 1 ? "[" + n + "]" : "";
        OfxElement child = c.build(path);
        if (!index.isEmpty()) {
          child = child.reindexed(path + "/" + c.name + index);
        }
        built.add(child);
      }
      return new OfxElement(name, children.isEmpty() ? text.toString().trim() : "", built, line, path);
    }
  }

  private OfxElement reindexed(String newPath) {
    List<OfxElement> moved = new ArrayList<>();
    for (OfxElement c : children) {
      moved.add(c.reindexed(newPath + c.path.substring(path.length())));
    }
    return new OfxElement(name, text, moved, line, newPath);
  }
}
