package dev.keel.cli;

import dev.keel.core.problem.Problem;
import dev.keel.io.read.HouseholdFolderLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code --out} writes an order file: checked before anything is computed, so that a
 * household's own file is never overwritten and a missing folder is named, and written atomically
 * so that a half-written order file never exists.
 */
final class OrderFileTarget {

  private static final List<String> HOUSEHOLD_FILES = List.of(HouseholdFolderLoader.HOUSEHOLD, HouseholdFolderLoader.POLICY,
      HouseholdFolderLoader.LOTS, HouseholdFolderLoader.TRANSACTIONS, HouseholdFolderLoader.PRICES);

  private OrderFileTarget() {}

  /** What is wrong with writing to {@code out} for the household in {@code householdDir}; empty when nothing. */
  static List<Problem> check(Path out, Path householdDir) {
    List<Problem> problems = new ArrayList<>();
    String shown = out.toString();
    if (Files.isDirectory(out)) {
      problems.add(new Problem("--out", 0, null, shown, "is a folder; give a file name, e.g. " + out.resolve("orders.csv")));
      return problems;
    }
    Path target = realish(out);
    for (String name : HOUSEHOLD_FILES) {
      if (target.equals(realish(householdDir.resolve(name)))) {
        problems.add(new Problem("--out", 0, null, shown,
            "is the household's own " + name + "; write the orders to another file, e.g. orders.csv"));
        return problems;
      }
    }
    Path parent = out.toAbsolutePath().normalize().getParent();
    if (parent != null && !Files.exists(parent)) {
      problems.add(new Problem("--out", 0, null, shown, "cannot be written: the folder " + parent + " does not exist"));
    } else if (parent != null && !Files.isDirectory(parent)) {
      problems.add(new Problem("--out", 0, null, shown, "cannot be written: " + parent + " is not a folder"));
    }
    return problems;
  }

  /**
   * The path with every symbolic link that exists resolved, so that a link to lots.csv, or
   * {@code ./DIR/../DIR/lots.csv}, is recognised as lots.csv.
   */
  private static Path realish(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return absolute.toRealPath();
    } catch (IOException e) {
      Path parent = absolute.getParent();
      if (parent == null) {
        return absolute;
      }
      try {
        return parent.toRealPath().resolve(absolute.getFileName());
      } catch (IOException again) {
        return absolute;
      }
    }
  }

  /**
   * Writes to a temporary file beside the target and moves it into place: never a half-written
   * file. A failure names the target's folder and the reason, not the temporary file.
   */
  static void write(Path target, String content) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, ".keel-", ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(target + ": could not be written in the folder " + dir + ": " + reason(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The temporary file is hidden and named .keel-*.tmp; nothing else to do.
        }
      }
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
  }
}
