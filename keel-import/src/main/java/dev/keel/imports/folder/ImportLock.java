package dev.keel.imports.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The lock an import holds on a household folder from reading it to writing it, so that two
 * imports into one folder cannot interleave (each would plan against the folder as it was and
 * append its rows, and the second would add what the first added). The lock is the file {@value
 * #FILE} in the folder, created atomically; it holds the process id and the start time of the
 * import holding it, and is deleted when the import ends.
 *
 * <p>A lock left by an import that no longer runs (it was killed) is taken over when its process
 * id is not a running process of this machine; a folder shared between machines needs the user to
 * delete a stale lock, as the message says.
 */
public final class ImportLock implements AutoCloseable {

  public static final String FILE = ".keel-import.lock";

  /** Another import holds the folder. */
  public static final class Held extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    Held(String message) {
      super(message);
    }
  }

  private final Path file;

  private ImportLock(Path file) {
    this.file = file;
  }

  /**
   * Takes the folder's lock.
   *
   * @throws Held when another import that is still running holds it, naming the lock file, the
   *     process and when it started
   */
  public static ImportLock acquire(Path dir) {
    Path file = dir.resolve(FILE);
    String content = "pid=" + ProcessHandle.current().pid() + "\nstarted=" + Instant.now() + "\n";
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        Files.writeString(Files.createFile(file), content, StandardCharsets.UTF_8);
        return new ImportLock(file);
      } catch (FileAlreadyExistsException e) {
        Optional<String> holder = read(file);
        Optional<Long> pid = holder.flatMap(ImportLock::pid);
        // Without a readable process id the holder cannot be checked: it is taken to be running.
        boolean alive = pid.map(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)).orElse(true);
        if (alive || attempt > 0) {
          throw new Held("another keel import into " + dir + " is running (" + FILE + ": "
              + holder.map(h -> h.strip().replace('\n', ' ')).orElse("no details") + "); nothing was done. Run this import again when it "
              + "has finished; if no import is running (one was stopped on another machine), delete " + file + ".");
        }
        // The process that held it is gone: the lock is stale.
        try {
          Files.deleteIfExists(file);
        } catch (IOException io) {
          throw new UncheckedIOException("could not remove the stale lock " + file + ": " + io.getMessage(), io);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not create the lock " + file + ": " + e.getMessage(), e);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> pid(String content) {
    for (String line : content.split("\n")) {
      if (line.startsWith("pid=")) {
        try {
          return Optional.of(Long.parseLong(line.substring(4).trim()));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove the lock " + file + "; delete it by hand: " + e.getMessage(), e);
    }
  }
}
