package dev.keel.bench;

import dev.keel.core.drift.DriftReport;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.io.read.FolderSource;
import dev.keel.io.read.HouseholdFolderLoader;
import dev.keel.io.read.Loaded;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Not JMH: what {@code keel analyze} costs on a household with a very large lots.csv. Copies a
 * household folder (the Rivera example), replaces its lots.csv with {@code lots} seeded random
 * lots spread over its accounts and funds, then loads and checks the folder and measures its drift
 * as the CLI does, printing wall time, the main thread's CPU time and the peak heap of each phase.
 *
 * <pre>
 * java -Xmx2g -cp keel-bench/target/benchmarks.jar dev.keel.bench.LargeLotsRun examples/rivera 1000000 /tmp/keel-1m
 * </pre>
 *
 * One run, no warm-up: a user runs the command once, cold. See docs/benchmarks.md.
 */
public final class LargeLotsRun {

  /** Account and the funds its lots hold, from the Rivera example (tradable accounts only). */
  private static final List<List<String>> HOLDINGS = List.of(
      List.of("joint", "VTI", "VXUS", "VOO", "BND"),
      List.of("alex-401k", "BND", "VTI"),
      List.of("sam-ira", "BND", "VNQ"),
      List.of("alex-roth", "VTI", "VNQ"),
      List.of("sam-roth", "VXUS"),
      List.of("family-hsa", "VOO"));

  private LargeLotsRun() {}

  public static void main(String[] args) throws IOException {
    Path example = Path.of(args.length > 0 ? args[0] : "examples/rivera");
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    Path dir = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir") + "/keel-large-lots");
    LocalDate asOf = LocalDate.parse(args.length > 3 ? args[3] : "2026-11-22");
    long bytes = write(example, dir, count);
    System.out.printf("lots.csv: %,d lots, %,d bytes, in %s%n", count, bytes, dir);

    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    resetPeaks();
    long wall0 = System.nanoTime();
    long cpu0 = cpu.getCurrentThreadCpuTime();
    Loaded<HouseholdData> loaded = HouseholdFolderLoader.loadAndCheck(FolderSource.directory(dir), HouseholdEngine.DEFAULT,
        Optional.of(asOf));
    long wall1 = System.nanoTime();
    long cpu1 = cpu.getCurrentThreadCpuTime();
    long peakLoad = peakHeap();
    if (!loaded.ok()) {
      loaded.problems().stream().limit(10).forEach(System.out::println);
      throw new IllegalStateException(loaded.problems().size() + " problems in the generated household");
    }
    DriftReport report = HouseholdEngine.DEFAULT.drift(loaded.value().get(), asOf);
    long wall2 = System.nanoTime();
    long cpu2 = cpu.getCurrentThreadCpuTime();
    System.out.printf("load and check: %,d ms wall, %,d ms CPU (main thread)%n", (wall1 - wall0) / 1_000_000, (cpu1 - cpu0) / 1_000_000);
    System.out.printf("drift:          %,d ms wall, %,d ms CPU (main thread)%n", (wall2 - wall1) / 1_000_000, (cpu2 - cpu1) / 1_000_000);
    System.out.printf("total:          %,d ms wall; peak heap %,d MB (load and check %,d MB), max heap %,d MB%n",
        (wall2 - wall0) / 1_000_000, peakHeap() / (1 << 20), peakLoad / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20));
    System.out.printf("total value %s, %d classes, rebalance needed %s%n", report.totalValue().toPlainString(),
        report.classes().size(), report.rebalanceNeeded());
  }

  /** Copies the example and writes {@code count} lots; returns the size of lots.csv. */
  static long write(Path example, Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    for (String name : List.of("household.yaml", "policy.yaml", "prices.csv", "transactions.csv")) {
      Files.copy(example.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    Path lots = dir.resolve("lots.csv");
    Random random = new Random(20261122L);
    try (BufferedWriter out = Files.newBufferedWriter(lots, StandardCharsets.UTF_8)) {
      out.write("account,symbol,quantity,cost_basis,acquired,lot_id\n");
      for (int i = 0; i < count; i++) {
        List<String> holding = HOLDINGS.get(i % HOLDINGS.size());
        String symbol = holding.get(1 + (i / HOLDINGS.size()) % (holding.size() - 1));
        int quantity = 1 + random.nextInt(50);
        long cents = quantity * (2_000L + random.nextInt(38_000));
        LocalDate acquired = LocalDate.of(2005, 1, 1).plusDays(random.nextInt(7_600));
        out.write(holding.get(0) + "," + symbol + "," + quantity + "," + (cents / 100) + "." + String.format("%02d", cents % 100)
            + "," + acquired + ",L" + i + "\n");
      }
    }
    return Files.size(lots);
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** The sum of the heap pools' peak usage since the last reset (an upper bound on the live heap). */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
