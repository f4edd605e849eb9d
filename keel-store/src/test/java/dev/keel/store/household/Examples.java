package dev.keel.store.household;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The bundled example households, read from the repository's examples folder. */
public final class Examples {

  private Examples() {}

  public static Path dir(String name) {
    Path here = Paths.get("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("examples").resolve(name);
      if (candidate.resolve("household.yaml").toFile().isFile()) {
        return candidate;
      }
    }
    throw new IllegalStateException("examples/" + name + " not found above " + here);
  }

  public static FolderFiles files(String name) {
    try {
      return FolderFiles.read(dir(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
