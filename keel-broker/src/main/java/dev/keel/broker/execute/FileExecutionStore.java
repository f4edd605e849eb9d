package dev.keel.broker.execute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal as one JSON Lines file per proposal in a directory ({@code <folder>/.keel/execution/
 * <proposal>.jsonl}). Each event is one line, written to the file before {@link #append} returns,
 * so a killed process loses nothing. The intent to place an order ({@link EventType#SUBMITTING}) is
 * also forced to the disk, so that it survives a power cut; the other events need not be, because
 * what they record can be asked of the broker again (and a lost intent only means the same client
 * order id is derived again, which the broker refuses to accept twice). A crash can leave at most a
 * torn last line (no newline): it is ignored on reading and cut off by the next append, because
 * the event it held was never acted on.
 */
public final class FileExecutionStore implements ExecutionStore {

  static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path directory;

  public FileExecutionStore(Path directory) {
    this.directory = directory;
  }

  public Path file(ProposalId proposal) {
    return directory.resolve(proposal.value() + ".jsonl");
  }

  @Override
  public synchronized List<ExecutionEvent> events(ProposalId proposal) {
    Path file = file(proposal);
    List<ExecutionEvent> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n');
      if (end < 0) {
        return out;
      }
      for (String line : text.substring(0, end).split("\n")) {
        if (!line.isBlank()) {
          out.add(JSON.readValue(line, ExecutionEvent.class));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the execution journal " + file, e);
    }
  }

  @Override
  public synchronized void append(ProposalId proposal, ExecutionEvent event) {
    Path file = file(proposal);
    try {
      Files.createDirectories(directory);
      byte[] line = (JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.READ)) {
        long size = channel.size();
        long keep = completeLength(channel, size);
        if (keep < size) {
          channel.truncate(keep);
        }
        channel.position(keep);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        if (event.type() == EventType.SUBMITTING) {
          channel.force(false);
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an execution event could not be written as JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the execution journal " + file, e);
    }
  }

  /** The length of the file up to and including its last newline: a torn last line is dropped. */
  private static long completeLength(FileChannel channel, long size) throws IOException {
    if (size == 0) {
      return 0;
    }
    ByteBuffer one = ByteBuffer.allocate(1);
    channel.read(one, size - 1);
    if (one.get(0) == '\n') {
      return size;
    }
    long pos = size - 1;
    ByteBuffer chunk = ByteBuffer.allocate(4096);
    while (pos > 0) {
      long start = Math.max(0, pos - chunk.capacity());
      chunk.clear();
      chunk.limit((int) (pos - start));
      channel.read(chunk, start);
      for (int i = chunk.limit() - 1; i >= 0; i--) {
        if (chunk.get(i) == '\n') {
          return start + i + 1;
        }
      }
      pos = start;
    }
    return 0;
  }
}
