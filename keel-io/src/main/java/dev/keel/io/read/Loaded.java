package dev.keel.io.read;

import dev.keel.core.problem.Problem;
import java.util.List;
import java.util.Optional;

/**
 * What a loader returns: the value it could build (empty when the input was too broken to build
 * one) and every problem it found on the way.
 */
public record Loaded<T>(Optional<T> value, List<Problem> problems) {

  public Loaded {
    problems = List.copyOf(problems);
  }

  public static <T> Loaded<T> of(T value, List<Problem> problems) {
    return new Loaded<>(Optional.ofNullable(value), problems);
  }

  public static <T> Loaded<T> failed(List<Problem> problems) {
    return new Loaded<>(Optional.empty(), problems);
  }

  public boolean ok() {
    return value.isPresent() && problems.isEmpty();
  }
}
