package dev.keel.io.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Where a household folder's files come from: a directory, or resources bundled in the jar. */
public interface FolderSource {

  /**
   * The file's content, or empty when the folder has no such file.
   *
   * @throws UnreadableFileException when something of that name is there but cannot be read as a
   *     file (a folder, a dangling or looping symbolic link, no permission): never taken as absent,
   *     which would silently change the answer
   */
  Optional<Reader> open(String fileName);

  /** How to name the folder in messages. */
  String describe();

  static FolderSource directory(Path dir) {
    return new FolderSource() {
      @Override
      public Optional<Reader> open(String fileName) {
        Path file = dir.resolve(fileName);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
          return Optional.empty();
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
          throw new UnreadableFileException(brokenLink(file));
        }
        if (Files.isDirectory(file)) {
          throw new UnreadableFileException("is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
          throw new UnreadableFileException("is not a regular file (a device or a pipe?)");
        }
        try {
          return Optional.of(new BufferedReader(new Utf8Reader(Files.newInputStream(file)), 64 * 1024));
        } catch (IOException e) {
          throw new UnreadableFileException("could not be read: " + reason(e));
        }
      }

      @Override
      public String describe() {
        return dir.toString();
      }
    };
  }

  /** Why a symbolic link leads nowhere: to a missing file, or round in a loop. */
  private static String brokenLink(Path file) {
    String target;
    try {
      target = Files.readSymbolicLink(file).toString();
    } catch (IOException e) {
      target = "?";
    }
    try {
      file.toRealPath();
      return "is a symbolic link to " + target + ", which cannot be read";
    } catch (NoSuchFileException e) {
      return "is a symbolic link to " + target + ", which does not exist";
    } catch (IOException e) {
      return "is a symbolic link to " + target + " that cannot be followed: " + reason(e);
    }
  }

  /** The operating system's reason, without the path the exception repeats. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied (this user may not read it)";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  static FolderSource classpath(String prefix) {
    return new FolderSource() {
      @Override
      public Optional<Reader> open(String fileName) {
        InputStream in = FolderSource.class.getResourceAsStream(prefix + "/" + fileName);
        return Optional.ofNullable(in).map(s -> new BufferedReader(new Utf8Reader(s)));
      }

      @Override
      public String describe() {
        return "bundled example " + prefix;
      }
    };
  }
}
