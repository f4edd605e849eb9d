package dev.keel.io.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly and knows the line it is on, so that a file saved in another encoding is
 * reported with the line of its first bad byte. (The JDK's readers decode ahead in blocks and lose
 * the characters decoded before the fault, so they cannot say where it was.)
 */
public final class Utf8Reader extends Reader {

  /** Bytes that are not UTF-8, found on {@link #line()}. */
  public static final class NotUtf8Exception extends CharacterCodingException {
    private static final long serialVersionUID = 1L;
    private final int line;

    NotUtf8Exception(int line) {
      this.line = line;
    }

    public int line() {
      return line;
    }

    @Override
    public String getMessage() {
      return "line " + line + " is not UTF-8 text";
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
  private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
  private boolean eof;
  private boolean flushed;
  private boolean pendingError;
  /** Newlines handed out or decoded so far, counted as characters are decoded. */
  private int newlines;

  public Utf8Reader(InputStream in) {
    this.in = in;
    bytes.flip();
    chars.flip();
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (flushed) {
        return -1;
      }
      fill();
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    return n;
  }

  private void fill() throws IOException {
    chars.clear();
    if (!eof && bytes.remaining() < 4) {
      bytes.compact();
      int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (read < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + read);
      }
      bytes.flip();
    }
    if (pendingError) {
      throw new NotUtf8Exception(newlines + 1);
    }
    int start = chars.position();
    CoderResult result = decoder.decode(bytes, chars, eof);
    count(start);
    if (result.isError()) {
      if (chars.position() == start) {
        throw new NotUtf8Exception(newlines + 1);
      }
      // Hand out the good text before the fault first; the next read fails.
      pendingError = true;
      chars.flip();
      return;
    }
    if (eof && !bytes.hasRemaining()) {
      result = decoder.flush(chars);
      if (result.isError()) {
        throw new NotUtf8Exception(newlines + 1);
      }
      flushed = true;
    }
    chars.flip();
  }

  private void count(int from) {
    for (int i = from; i < chars.position(); i++) {
      if (chars.get(i) == '\n') {
        newlines++;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
