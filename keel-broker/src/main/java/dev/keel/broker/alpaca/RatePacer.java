package dev.keel.broker.alpaca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * Keeps one account's requests inside Alpaca's limit (200 a minute per account): a sliding window
 * of the last minute's requests, and the broker's own {@code X-RateLimit-Remaining} /
 * {@code X-RateLimit-Reset} headers when it sends them. After a 429 the next request waits until
 * the reset the broker named (or, without one, an exponential backoff).
 *
 * <p>Thread-safe: one pacer per broker account, shared by every thread trading that account.
 */
public final class RatePacer {

  /** Sleeps; injected so that tests do not wait for real minutes. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private final int perMinute;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Deque<Instant> sent = new ArrayDeque<>();
  private Instant blockedUntil = Instant.MIN;

  public RatePacer(int perMinute, Clock clock, Sleeper sleeper) {
    this.perMinute = perMinute;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Waits until one more request may go, and counts it. */
  public void acquire() throws InterruptedException {
    while (true) {
      Duration wait;
      synchronized (this) {
        Instant now = clock.instant();
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(WINDOW))) {
          sent.pollFirst();
        }
        if (now.isBefore(blockedUntil)) {
          wait = Duration.between(now, blockedUntil);
        } else if (sent.size() >= perMinute) {
          wait = Duration.between(now, sent.peekFirst().plus(WINDOW));
        } else {
          sent.addLast(now);
          return;
        }
      }
      sleeper.sleep(wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait);
    }
  }

  /**
   * What the broker said about the limit in its answer.
   *
   * @param remaining {@code X-RateLimit-Remaining}, when sent
   * @param resetEpochSecond {@code X-RateLimit-Reset} (seconds since the epoch), when sent
   */
  public synchronized void observe(OptionalLong remaining, OptionalLong resetEpochSecond) {
    if (remaining.isPresent() && remaining.getAsLong() <= 0 && resetEpochSecond.isPresent()) {
      Instant reset = Instant.ofEpochSecond(resetEpochSecond.getAsLong());
      if (reset.isAfter(blockedUntil)) {
        blockedUntil = reset;
      }
    }
  }

  /** A 429: hold every request until the reset, or for {@code fallback} when the broker named none. */
  public synchronized void throttled(OptionalLong resetEpochSecond, Duration fallback) {
    Instant until = resetEpochSecond.isPresent() ? Instant.ofEpochSecond(resetEpochSecond.getAsLong())
        : clock.instant().plus(fallback);
    if (!until.isAfter(clock.instant())) {
      until = clock.instant().plus(fallback);
    }
    if (until.isAfter(blockedUntil)) {
      blockedUntil = until;
    }
  }
}
