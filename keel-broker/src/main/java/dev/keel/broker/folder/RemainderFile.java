package dev.keel.broker.folder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.broker.execute.ExecutionPlan;
import dev.keel.broker.execute.ExecutionResult;
import dev.keel.broker.execute.TradeOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What a proposal left undone, as a file a script or the user reads before re-planning:
 * {@code DIR/.keel/<proposal>-remaining.json}. It is rewritten after every run (atomically: a
 * reader sees the previous version or the new one, never half of one).
 *
 * <p>Its trades are the ones with shares not executed and nothing working for them any more
 * (rejected, ended, partly filled, not placed); a trade still open, waiting or in doubt is listed
 * under {@code working} instead, since a rerun of {@code keel execute} follows it up. Re-planning
 * is a fresh {@code keel rebalance} on the folder: the fills are already booked in
 * transactions.csv, so the new proposal starts from what actually happened (and again keeps the
 * wash-sale rule and the tax budget); the remainder says what that proposal is expected to redo.
 */
public final class RemainderFile {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RemainderFile() {}

  public static Path path(Path dir, ExecutionPlan plan) {
    return dir.resolve(".keel").resolve(plan.id() + "-remaining.json");
  }

  /** The remainder of one run as JSON (quantities as decimal strings, as in transactions.csv). */
  public static ObjectNode json(ExecutionPlan plan, ExecutionResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("proposal", plan.id().toString());
    root.put("as_of", plan.asOf().toString());
    root.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
    ArrayNode remaining = root.putArray("remaining");
    ArrayNode working = root.putArray("working");
    for (TradeOutcome t : result.trades()) {
      if (t.remaining().signum() <= 0) {
        continue;
      }
      ObjectNode row = (t.working() ? working : remaining).addObject();
      row.put("trade", t.trade().index());
      row.put("account", t.trade().account().value());
      row.put("symbol", t.trade().symbol().value());
      row.put("side", t.trade().side().code());
      row.put("planned", plain(t.trade().quantity()));
      row.put("filled", plain(t.filled()));
      row.put("remaining", plain(t.remaining()));
      row.put("status", t.status().name().toLowerCase(java.util.Locale.ROOT));
      t.reason().ifPresent(r -> row.put("reason", r));
    }
    root.put("replan", remaining.isEmpty() ? "nothing to re-plan"
        : "run keel rebalance on this folder: the fills are booked, so the new proposal re-plans what is listed here");
    return root;
  }

  /** Writes the remainder of a run beside the journal; returns the file. */
  public static Path write(Path dir, ExecutionPlan plan, ExecutionResult result) throws IOException {
    Path file = path(dir, plan);
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temp, JSON.writeValueAsString(json(plan, result)).concat("\n").getBytes(StandardCharsets.UTF_8));
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  private static String plain(java.math.BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
