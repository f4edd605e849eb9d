package dev.keel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out FILE}, shared by the commands that propose trades (a picocli mixin); see {@link OrderFileTarget}. */
final class OrderFileOption {

  @Option(names = "--out", paramLabel = "FILE", description = "Also write an order file (CSV) to key into a broker.")
  Path out;

  /** The order file asked for, or null when none. */
  Path out() {
    return out;
  }
}
