package dev.keel.core.generate;

import dev.keel.core.portfolio.HouseholdData;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorProbeTest {
  @Test
  void probe() {
    LocalDate asOf = LocalDate.of(2026, 11, 20);
    long t0 = System.nanoTime();
    int n = 3000;
    long sum = 0;
    for (long seed = 0; seed < n; seed++) {
      HouseholdData data = HouseholdGenerator.DEFAULT.generate(seed, asOf);
      sum += data.openingLots().size();
    }
    System.out.println("gen ms/household " + (System.nanoTime() - t0) / (n * 1e6) + " " + sum);
  }
}
