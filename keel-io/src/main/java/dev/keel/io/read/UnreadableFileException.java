package dev.keel.io.read;

/**
 * A household file that exists but cannot be read as a file: a folder of that name, a symbolic
 * link to nothing or to itself, a file this user may not read. The message says which, in words
 * that complete "lots.csv ...".
 */
public final class UnreadableFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnreadableFileException(String message) {
    super(message);
  }
}
