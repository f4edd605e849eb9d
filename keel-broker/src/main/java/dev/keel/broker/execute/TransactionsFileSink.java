package dev.keel.broker.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.core.ledger.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Books fills into a household folder's transactions.csv, atomically: the new file is written
 * beside it and moved into place, so the file is always either before or after a batch, never
 * half-written. Which fills the file holds is kept in a ledger of batches ({@code booked.jsonl}
 * beside the journal): each batch is recorded (fill ids, the file's digest before and after)
 * before the file is replaced. After a crash between the two steps the file's digest tells
 * whether the last batch went in.
 *
 * <p>Rows keep the file's own column order; a column the rows need that the file lacks (fees,
 * lot_id...) is added at the end of the header and every existing row gets an empty cell.
 */
public final class TransactionsFileSink implements LedgerSink {

  static final List<String> COLUMNS = List.of("date", "account", "action", "symbol", "quantity", "price", "amount", "fees",
      "lot_id");

  private final Path transactions;
  private final Path batches;
  /** Runs between recording a batch and replacing the file: tests simulate a crash there. */
  private final Runnable beforeReplace;

  public TransactionsFileSink(Path transactions, Path batches) {
    this(transactions, batches, () -> { });
  }

  TransactionsFileSink(Path transactions, Path batches, Runnable beforeReplace) {
    this.transactions = transactions;
    this.batches = batches;
    this.beforeReplace = beforeReplace;
  }

  @Override
  public synchronized Set<String> bookedFillIds() {
    List<JsonNode> lines = readBatches();
    Set<String> out = new LinkedHashSet<>();
    String current = digest(read());
    for (int i = 0; i < lines.size(); i++) {
      JsonNode batch = lines.get(i);
      boolean last = i == lines.size() - 1;
      if (last && !applied(batch, current)) {
        continue;
      }
      batch.get("fills").forEach(f -> out.add(f.asText()));
    }
    return out;
  }

  /** Whether the last batch reached the file: its after-digest, else its rows are all there. */
  private boolean applied(JsonNode batch, String current) {
    if (current.equals(batch.get("after").asText())) {
      return true;
    }
    if (current.equals(batch.get("before").asText())) {
      return false;
    }
    // The file changed since (edited by hand): the batch went in if every row it wrote is there.
    Set<String> lines = new LinkedHashSet<>(List.of(read().split("\r?\n")));
    for (JsonNode row : batch.get("rows")) {
      if (!lines.contains(row.asText())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public synchronized void book(List<BookedFill> fills) {
    if (fills.isEmpty()) {
      return;
    }
    String before = read();
    List<String> header = header(before);
    List<String> missing = new ArrayList<>();
    for (String c : COLUMNS) {
      if (!header.contains(c)) {
        missing.add(c);
      }
    }
    StringBuilder after = new StringBuilder(widen(before, header, missing));
    List<String> columns = new ArrayList<>(header);
    columns.addAll(missing);
    if (after.length() > 0 && after.charAt(after.length() - 1) != '\n') {
      after.append('\n');
    }
    List<String> rows = new ArrayList<>();
    for (BookedFill f : fills) {
      for (Transaction t : f.transactions()) {
        String row = row(t, columns);
        rows.add(row);
        after.append(row).append('\n');
      }
    }
    ObjectNode batch = FileExecutionStore.JSON.createObjectNode();
    ArrayNode ids = batch.putArray("fills");
    fills.forEach(f -> ids.add(f.fillId()));
    batch.put("before", digest(before));
    batch.put("after", digest(after.toString()));
    ArrayNode rowsNode = batch.putArray("rows");
    rows.forEach(rowsNode::add);
    appendBatch(batch.toString());
    beforeReplace.run();
    replace(after.toString());
  }

  private String row(Transaction t, List<String> columns) {
    List<String> cells = new ArrayList<>();
    for (String c : columns) {
      cells.add(switch (c) {
        case "date" -> t.date().toString();
        case "account" -> t.account().value();
        case "action" -> t.action().code();
        case "symbol" -> t.symbol().map(s -> s.value()).orElse("");
        case "quantity" -> t.quantity().map(TransactionsFileSink::plain).orElse("");
        case "price" -> t.price().map(TransactionsFileSink::plain).orElse("");
        case "amount" -> t.amount().map(TransactionsFileSink::plain).orElse("");
        case "fees" -> t.fees().signum() == 0 ? "" : plain(t.fees());
        case "lot_id" -> t.lotId().map(l -> l.value()).orElse("");
        default -> "";
      });
    }
    return String.join(",", cells);
  }

  private static String plain(BigDecimal value) {
    BigDecimal s = value.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  /** The header's column names, lower-cased (the loader reads them case-insensitively). */
  private static List<String> header(String content) {
    for (String line : content.split("\r?\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      List<String> out = new ArrayList<>();
      for (String c : trimmed.replace("\uFEFF", "").split(",", -1)) {
        out.add(c.strip().toLowerCase(Locale.ROOT));
      }
      return out;
    }
    return List.of();
  }

  /** The file with the missing columns added to its header and an empty cell added to each row. */
  private static String widen(String content, List<String> header, List<String> missing) {
    if (missing.isEmpty()) {
      return content;
    }
    if (header.isEmpty()) {
      return String.join(",", missing) + "\n";
    }
    String pad = ",".repeat(missing.size());
    StringBuilder out = new StringBuilder();
    boolean headerSeen = false;
    for (String line : content.split("\n", -1)) {
      String body = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      String trimmed = body.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        out.append(line).append('\n');
        continue;
      }
      out.append(body).append(headerSeen ? pad : "," + String.join(",", missing)).append('\n');
      headerSeen = true;
    }
    // split keeps a trailing empty string after the last newline: drop the extra newline it added.
    return out.substring(0, out.length() - 1);
  }

  private String read() {
    try {
      return Files.exists(transactions) ? Files.readString(transactions, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + transactions, e);
    }
  }

  private List<JsonNode> readBatches() {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(batches)) {
      return out;
    }
    try {
      String text = Files.readString(batches, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n');
      if (end < 0) {
        return out;
      }
      for (String line : text.substring(0, end).split("\n")) {
        if (!line.isBlank()) {
          out.add(FileExecutionStore.JSON.readTree(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + batches, e);
    }
  }

  private void appendBatch(String line) {
    try {
      Files.createDirectories(batches.toAbsolutePath().getParent());
      try (FileChannel channel = FileChannel.open(batches, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + batches, e);
    }
  }

  private void replace(String content) {
    Path dir = transactions.toAbsolutePath().getParent();
    try {
      Path temp = Files.createTempFile(dir, ".transactions-", ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(true);
        }
        Files.move(temp, transactions, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + transactions, e);
    }
  }

  private static String digest(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
