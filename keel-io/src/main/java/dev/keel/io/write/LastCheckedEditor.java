package dev.keel.io.write;

import dev.keel.io.read.YamlNode;
import dev.keel.io.read.YamlReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets {@code last_checked} in the text of a policy.yaml and changes nothing else: comments, order,
 * spacing and line endings stay as the user wrote them. The line is found by the YAML parser, not
 * by searching the text, so a {@code last_checked} inside a comment or a nested mapping is never
 * touched.
 */
public final class LastCheckedEditor {

  /** {@code last_checked: <value>  # comment}: the value may be quoted; the comment stays. */
  private static final Pattern LINE = Pattern.compile("^(last_checked\\s*:[ \\t]*)(\"[^\"]*\"|'[^']*'|[^\\s#]+)?(.*)$");
  private static final Pattern CHECK = Pattern.compile("^check\\s*:.*$");

  private LastCheckedEditor() {}

  /** The result: the new text, and the date it replaced (empty when there was none). */
  public record Edit(String text, Optional<String> previous) {}

  /**
   * @throws IllegalArgumentException when the file is not a block mapping this editor can change
   *     line by line (a flow mapping {@code {targets: ...}} on one line, say)
   */
  public static Edit set(String text, LocalDate date) {
    YamlNode root = YamlReader.read("policy.yaml", new StringReader(text)).value()
        .orElseThrow(() -> new IllegalArgumentException("is not valid YAML"));
    if (!root.isMap()) {
      throw new IllegalArgumentException("is not a mapping of key: value");
    }
    YamlNode existing = root.get("last_checked");
    String[] lines = text.split("(?<=\\n)", -1);
    if (existing != null) {
      int index = existing.line() - 1;
      if (index < 0 || index >= lines.length) {
        throw new IllegalArgumentException("has last_checked where it cannot be edited in place");
      }
      String line = lines[index];
      String ending = line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
      String body = line.substring(0, line.length() - ending.length());
      Matcher m = LINE.matcher(body);
      if (!m.matches()) {
        throw new IllegalArgumentException("has last_checked on line " + existing.line() + " in a form that cannot be edited "
            + "in place; write it as \"last_checked: YYYY-MM-DD\" on a line of its own");
      }
      String previous = m.group(2) == null ? null : m.group(2).replaceAll("^[\"']|[\"']$", "");
      String rest = m.group(3);
      if (m.group(2) == null && !rest.isEmpty() && !rest.startsWith(" ") && !rest.startsWith("\t")) {
        rest = " " + rest;
      }
      lines[index] = m.group(1) + (m.group(1).endsWith(" ") || m.group(1).endsWith("\t") ? "" : " ") + date + rest + ending;
      return new Edit(String.join("", lines), Optional.ofNullable(previous));
    }
    String newline = text.contains("\r\n") ? "\r\n" : "\n";
    String added = "last_checked: " + date + newline;
    for (int i = 0; i < lines.length; i++) {
      if (CHECK.matcher(lines[i].stripTrailing()).matches()) {
        String line = lines[i].endsWith("\n") ? lines[i] : lines[i] + newline;
        lines[i] = line + added;
        return new Edit(String.join("", lines), Optional.empty());
      }
    }
    String joined = String.join("", lines);
    return new Edit(joined + (joined.isEmpty() || joined.endsWith("\n") ? "" : newline) + added, Optional.empty());
  }
}
