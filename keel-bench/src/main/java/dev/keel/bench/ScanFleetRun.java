package dev.keel.bench;

import dev.keel.core.engine.HouseholdEngine;
import dev.keel.store.Database;
import dev.keel.store.Store;
import dev.keel.store.household.FolderFiles;
import dev.keel.store.household.HouseholdId;
import dev.keel.store.household.ImportOutcome;
import dev.keel.store.scan.ScanSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daily scan, end to end, over a fleet of stored households: imports N copies of a household
 * folder (default examples/rivera) into a fresh database, then times one scan (drift, and a
 * proposal where due) of all of them, and reports the heap used.
 *
 * <pre>
 * java -Xmx2g -cp keel-bench/target/benchmarks.jar dev.keel.bench.ScanFleetRun \
 *     --households 10000 --threads 2 [--db jdbc:postgresql://127.0.0.1:5432/test --user postgres] [--folder DIR]
 * </pre>
 *
 * Without --db it uses an embedded H2 database in a temporary folder; with PostgreSQL it uses a
 * new schema, dropped at the end.
 */
public final class ScanFleetRun {

  private ScanFleetRun() {}

  public static void main(String[] args) throws Exception {
    int households = 1000;
    int threads = 2;
    String db = null;
    String user = "postgres";
    Path folder = Path.of("examples", "rivera");
    LocalDate asOf = LocalDate.of(2026, 11, 22);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--households" -> households = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--db" -> db = args[++i];
        case "--user" -> user = args[++i];
        case "--folder" -> folder = Path.of(args[++i]);
        case "--as-of" -> asOf = LocalDate.parse(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path tmp = Files.createTempDirectory("keel-scan-fleet-");
    String schema = "keel_bench_" + Long.toHexString(System.nanoTime());
    Database database = db == null ? Database.embedded(tmp) : Database.open(db, user, "", schema, threads + 4);
    try {
      Store store = new Store(database, HouseholdEngine.DEFAULT, Clock.systemUTC());
      FolderFiles files = FolderFiles.read(folder);
      long t0 = System.nanoTime();
      AtomicInteger failed = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      for (int i = 0; i < households; i++) {
        HouseholdId id = HouseholdId.of(String.format("h%06d", i));
        pool.submit(() -> {
          try {
            if (!(store.households().importFolder(id, files, "bench") instanceof ImportOutcome.Stored)) {
              failed.incrementAndGet();
            }
          } catch (RuntimeException e) {
            if (failed.incrementAndGet() <= 3) {
              System.err.println("import of " + id + " failed: " + e);
            }
          }
        });
      }
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.DAYS);
      double importSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("imported %d households (%d failed) into %s in %.1f s%n", households, failed.get(),
          db == null ? "embedded H2" : "PostgreSQL", importSeconds);
      System.gc();
      long t1 = System.nanoTime();
      ScanSummary summary = store.scanner().run(asOf, "bench", threads, () -> false);
      double scanSeconds = (System.nanoTime() - t1) / 1e9;
      Runtime rt = Runtime.getRuntime();
      System.out.printf("scan as of %s: %d done, %d failed, %d proposals in %.1f s (%.0f households/s, %d threads); "
              + "heap used %d MB of max %d MB%n", asOf, summary.done(), summary.failed(), summary.proposals(), scanSeconds,
          summary.done() / scanSeconds, threads, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    } finally {
      if (db != null) {
        database.jdbi().useHandle(h -> h.execute("DROP SCHEMA " + schema + " CASCADE"));
      }
      database.close();
      deleteTree(tmp);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
