package dev.keel.cli;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.problem.Problem;
import dev.keel.io.read.HouseholdFolderLoader;
import dev.keel.io.write.LastCheckedEditor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "checked",
    mixinStandardHelpOptions = true,
    description = {
      "Record that the household was checked on --as-of (default today): sets last_checked in policy.yaml and "
          + "changes nothing else in the file (comments and order stay), written atomically.",
      "For cron: keel analyze DIR --exit-code; then keel checked DIR once the result was acted on."
    })
final class CheckedCommand implements Callable<Integer> {

  @Mixin HouseholdOptions household;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    // The whole folder must be valid: a check is recorded only on a household Keel can read.
    HouseholdData data = household.load();
    LocalDate date = household.asOf();
    if (data.policy().lastChecked().isPresent() && date.isBefore(data.policy().lastChecked().get())) {
      throw new dev.keel.core.problem.InvalidInputException(List.of(new Problem("--as-of", 0, null, date.toString(),
          "is before the last check recorded in policy.yaml (" + data.policy().lastChecked().get() + "); nothing was changed")));
    }
    Path policy = household.dir.resolve(HouseholdFolderLoader.POLICY);
    // Edit the file the link points to, so that a symbolic link to a shared policy stays a link.
    Path target = policy.toRealPath();
    String text = Files.readString(target, StandardCharsets.UTF_8);
    LastCheckedEditor.Edit edit;
    try {
      edit = LastCheckedEditor.set(text, date);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(policy + ": " + e.getMessage());
    }
    Path temp = Files.createTempFile(target.getParent(), ".keel-", ".tmp");
    try {
      Files.writeString(temp, edit.text(), StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
      } catch (UnsupportedOperationException | IOException e) {
        // Not a POSIX file system: the file keeps the default permissions of a new file.
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    spec.commandLine().getOut().println("Recorded a check on " + date + " in " + policy + " (last_checked was "
        + edit.previous().orElse("not set") + "; next check due " + data.policy().cadence().next(date) + ").");
    return 0;
  }
}
