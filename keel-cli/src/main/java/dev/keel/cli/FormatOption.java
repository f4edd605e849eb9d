package dev.keel.cli;

import picocli.CommandLine.Option;

/**
 * {@code --format}, shared by the commands that print a report (picocli mixins). Two variants,
 * because not every report has a CSV form: each states in its help what it accepts.
 */
final class FormatOption {

  private FormatOption() {}

  /** {@code --format table|json|csv}: rebalance, harvest, gains. */
  static final class TableJsonOrCsv {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table, json or csv. Default: ${DEFAULT-VALUE}.")
    Format format;

    Format format() {
      return format;
    }
  }

  /** {@code --format table|json}: analyze, lots. */
  static final class TableOrJson {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    /**
     * The format asked for; csv, which picocli accepts as a {@link Format}, is a usage problem naming
     * {@code command}.
     */
    Format format(String command) {
      if (format == Format.CSV) {
        throw new UsageProblem(command + " --format csv is not offered; use table or json");
      }
      return format;
    }
  }
}
