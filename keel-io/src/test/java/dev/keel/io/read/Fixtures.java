package dev.keel.io.read;

import dev.keel.core.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;

/** Loads the fixture files under src/test/resources, each read as the file a loader is named for. */
final class Fixtures {

  private Fixtures() {}

  /** The fixture at {@code path} (e.g. {@code "lots/good.csv"}), decoded as UTF-8. */
  static Reader open(String path) {
    InputStream in = Fixtures.class.getResourceAsStream("/" + path);
    if (in == null) {
      throw new IllegalArgumentException("no fixture " + path);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  static String text(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the fixture with {@code loader}, under the file name {@code name}. */
  static <T> Loaded<T> load(BiFunction<String, Reader, Loaded<T>> loader, String name, String path) {
    try (Reader reader = open(path)) {
      return loader.apply(name, reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> Loaded<T> loadText(BiFunction<String, Reader, Loaded<T>> loader, String name, String text) {
    return loader.apply(name, new StringReader(text));
  }

  /** The problems as the CLI prints them. */
  static List<String> messages(Loaded<?> loaded) {
    return loaded.problems().stream().map(Problem::toString).toList();
  }
}
