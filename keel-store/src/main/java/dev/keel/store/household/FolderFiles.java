package dev.keel.store.household;

import dev.keel.io.read.FolderSource;
import dev.keel.io.read.HouseholdFolderLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The five files of a household folder as text, by file name; a file the folder lacks is absent.
 * What an import reads (from a directory or a request) and what an export writes.
 */
public record FolderFiles(Map<String, String> files) {

  /** The file names of a household folder, in the order they are written. */
  public static final List<String> NAMES = List.of(HouseholdFolderLoader.HOUSEHOLD, HouseholdFolderLoader.POLICY,
      HouseholdFolderLoader.LOTS, HouseholdFolderLoader.TRANSACTIONS, HouseholdFolderLoader.PRICES);

  public FolderFiles {
    for (String name : files.keySet()) {
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("\"" + name + "\" is not a household file; expected one of " + NAMES);
      }
    }
    files = Map.copyOf(files);
  }

  /** Reads the household files present in {@code dir} (UTF-8). */
  public static FolderFiles read(Path dir) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : NAMES) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        files.put(name, Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return new FolderFiles(files);
  }

  public Optional<String> find(String name) {
    return Optional.ofNullable(files.get(name));
  }

  /** The files as a source for the keel-io loaders. */
  public FolderSource source(String describe) {
    return new FolderSource() {
      @Override
      public Optional<Reader> open(String fileName) {
        return find(fileName).map(StringReader::new);
      }

      @Override
      public String describe() {
        return describe;
      }
    };
  }

  /**
   * Writes every file into {@code dir}: each one to a temporary file first and then moved into
   * place, so a failure never leaves a half-written file.
   */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String name : NAMES) {
      String content = files.get(name);
      if (content == null) {
        continue;
      }
      Path temp = Files.createTempFile(dir, ".keel-", ".tmp");
      try {
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | UncheckedIOException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
    }
  }
}
