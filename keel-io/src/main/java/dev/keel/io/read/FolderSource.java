package dev.keel.io.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a household folder's files come from: a directory, or resources bundled in the jar. */
public interface FolderSource {

  /** The file's content, or empty when the folder has no such file. */
  Optional<Reader> open(String fileName);

  /** How to name the folder in messages. */
  String describe();

  static FolderSource directory(Path dir) {
    return new FolderSource() {
      @Override
      public Optional<Reader> open(String fileName) {
        Path file = dir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
          return Optional.empty();
        }
        try {
          return Optional.of(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String describe() {
        return dir.toString();
      }
    };
  }

  static FolderSource classpath(String prefix) {
    return new FolderSource() {
      @Override
      public Optional<Reader> open(String fileName) {
        InputStream in = FolderSource.class.getResourceAsStream(prefix + "/" + fileName);
        return Optional.ofNullable(in).map(s -> new InputStreamReader(s, StandardCharsets.UTF_8));
      }

      @Override
      public String describe() {
        return "bundled example " + prefix;
      }
    };
  }
}
