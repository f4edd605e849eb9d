package dev.keel.imports.booking;

import java.util.Objects;

/**
 * A brokerage file to import, by name and content: the service never opens files itself, so the
 * CLI (a path) and a server (an upload) hand it the same thing.
 */
public record StatementFile(String name, byte[] content) {

  public StatementFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }
}
