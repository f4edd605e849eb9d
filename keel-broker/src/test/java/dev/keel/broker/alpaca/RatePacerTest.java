package dev.keel.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RatePacerTest {

  /** A clock moved by the pacer's own sleeps. */
  static final class FakeTime extends Clock {
    Instant now = Instant.parse("2026-11-30T15:00:00Z");
    final List<Duration> slept = new ArrayList<>();

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    void sleep(Duration d) {
      slept.add(d);
      now = now.plus(d);
    }
  }

  @Test
  void test_the_201st_request_in_a_minute_waits_for_the_window() throws Exception {
    FakeTime time = new FakeTime();
    RatePacer pacer = new RatePacer(200, time, time::sleep);

    for (int i = 0; i < 200; i++) {
      pacer.acquire();
    }
    assertThat(time.slept).isEmpty();
    pacer.acquire();

    assertThat(time.slept).containsExactly(Duration.ofMinutes(1));
  }

  @Test
  void test_no_requests_left_waits_for_the_brokers_reset() throws Exception {
    FakeTime time = new FakeTime();
    RatePacer pacer = new RatePacer(200, time, time::sleep);

    pacer.observe(OptionalLong.of(0), OptionalLong.of(time.now.getEpochSecond() + 12));
    pacer.acquire();

    assertThat(time.slept).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void test_a_429_without_reset_backs_off_by_the_fallback() throws Exception {
    FakeTime time = new FakeTime();
    RatePacer pacer = new RatePacer(200, time, time::sleep);

    pacer.throttled(OptionalLong.empty(), Duration.ofMillis(500));
    pacer.acquire();

    assertThat(time.slept).containsExactly(Duration.ofMillis(500));
  }
}
