package dev.keel.core.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeneratorProbeTest {
  @Test
  void probe() {
    LocalDate asOf = LocalDate.of(2026, 11, 20);
    int[] fc = {0,0,0,0,1,1,1,2,2,2,3,3};
    double[] dr = new double[12]; double[] vol = new double[12];
    java.util.Arrays.fill(dr, 0.07); java.util.Arrays.fill(vol, 0.15);
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      for (long seed = 0; seed < 300; seed++) {
        new PricePaths(new Draw(new SplittableRandom(seed)), asOf.minusYears(10), asOf, fc, dr, vol, new double[4]);
      }
      System.out.println("walk ms " + (System.nanoTime() - t0) / 300e6);
      t0 = System.nanoTime();
      double s = 0;
      Draw d = new Draw(new SplittableRandom(1));
      for (int i = 0; i < 300 * 58000; i++) s += d.gaussian();
      System.out.println("58k gaussians ms " + (System.nanoTime() - t0) / 300e6 + s);
    }
  }
}
