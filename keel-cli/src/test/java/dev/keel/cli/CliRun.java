package dev.keel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Runs the CLI in-process and captures what it printed; copies example folders for tests. */
record CliRun(int status, String out, String err) {

  static final Path EXAMPLE = Path.of("..", "examples", "rivera");

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = KeelCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(status, out.toString(), err.toString());
  }

  /** A copy of the example household in {@code dir}, with the named files replaced by test fixtures. */
  static Path exampleWith(Path dir, String... fixtureFiles) {
    try (Stream<Path> files = Files.list(EXAMPLE)) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      for (String fixture : fixtureFiles) {
        Path source = Path.of("src", "test", "resources", fixture);
        Files.copy(source, dir.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
