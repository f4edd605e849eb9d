package dev.keel.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load on a running server from a second process: {@code clients} threads, each sending one
 * request after the other for {@code seconds}, first GET drift, then GET proposal; latency
 * percentiles per route. Then {@code clients} approvals of one proposal version, released together:
 * exactly one must succeed.
 *
 * <pre>
 * ./keel serve --demo --port 8080   # in another terminal; note the token and a proposal id
 * java -cp keel-bench/target/benchmarks.jar dev.keel.bench.ApiLoadRun --url http://127.0.0.1:8080 \
 *     --token TOKEN --household rivera --proposal ID [--clients 50] [--seconds 20]
 * </pre>
 */
public final class ApiLoadRun {

  private ApiLoadRun() {}

  public static void main(String[] args) throws Exception {
    String url = null;
    String token = null;
    String household = "rivera";
    String proposal = null;
    int clients = 50;
    int seconds = 20;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--token" -> token = args[++i];
        case "--household" -> household = args[++i];
        case "--proposal" -> proposal = args[++i];
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (url == null || token == null || proposal == null) {
      throw new IllegalArgumentException("--url, --token and --proposal are needed");
    }
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients + 2)).build();
    run(http, "GET drift", url + "/api/households/" + household + "/drift?as_of=2026-11-22", token, clients, seconds);
    run(http, "GET proposal", url + "/api/proposals/" + proposal, token, clients, seconds);
    race(http, url + "/api/proposals/" + proposal, token, clients);
    System.exit(0);
  }

  private static void run(HttpClient http, String name, String url, String token, int clients, int seconds)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30)).GET().build();
    // Warm-up: the JIT, the pool, the caches.
    for (int i = 0; i < 200; i++) {
      http.send(request, HttpResponse.BodyHandlers.ofString());
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicInteger errors = new AtomicInteger();
    List<Future<long[]>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        long[] samples = new long[1 << 16];
        int n = 0;
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
          long t = System.nanoTime() - t0;
          if (r.statusCode() != 200) {
            errors.incrementAndGet();
          }
          if (n == samples.length) {
            samples = Arrays.copyOf(samples, n * 2);
          }
          samples[n++] = t;
        }
        return Arrays.copyOf(samples, n);
      }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : futures) {
      all.add(f.get());
    }
    pool.shutdown();
    long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf("%-13s %d clients, %d s: %d requests (%.0f/s), %d errors; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        name, clients, seconds, merged.length, merged.length / (double) seconds, errors.get(), pct(merged, 0.50),
        pct(merged, 0.95), pct(merged, 0.99), merged[merged.length - 1] / 1e6);
  }

  private static void race(HttpClient http, String url, String token, int clients) throws Exception {
    HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    String etag = read.headers().firstValue("ETag").orElseThrow();
    CyclicBarrier start = new CyclicBarrier(clients);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        start.await();
        return http.send(HttpRequest.newBuilder(URI.create(url + "/approve")).header("Authorization", "Bearer " + token)
            .header("If-Match", etag).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode();
      }));
    }
    int ok = 0;
    int conflict = 0;
    int other = 0;
    for (Future<Integer> f : futures) {
      int status = f.get();
      if (status == 200) {
        ok++;
      } else if (status == 409) {
        conflict++;
      } else {
        other++;
      }
    }
    pool.shutdown();
    System.out.printf("racing approvals of one version (%s), %d at once: %d approved (200), %d conflict (409), %d other%n",
        etag, clients, ok, conflict, other);
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
