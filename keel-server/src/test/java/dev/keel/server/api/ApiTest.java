package dev.keel.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.io.read.FolderSource;
import dev.keel.io.read.HouseholdFolderLoader;
import dev.keel.io.report.DriftReportWriter;
import dev.keel.io.report.Json;
import dev.keel.store.Database;
import dev.keel.store.TestDatabases;
import dev.keel.store.household.Examples;
import dev.keel.server.ServerSuite;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApiTest {

  @Nested
  class OnH2 extends Cases {
    @Override
    protected Database newDatabase() {
      return TestDatabases.h2();
    }
  }

  @Nested
  class OnPostgres extends Cases {
    @Override
    protected Database newDatabase() {
      return TestDatabases.postgres();
    }
  }

  abstract static class Cases extends ServerSuite {

    static final String AS_OF = "2026-11-22";

    @Test
    void health_needsNoToken_andEverythingElseDoes() {
      Answer health = get("/api/health", null);
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().path("status").asText()).isEqualTo("ok");

      Answer none = get("/api/households", null);
      assertProblem(none, 401);
      assertThat(none.header("WWW-Authenticate")).contains("Bearer realm=\"keel\"");
      assertProblem(get("/api/households", "keel_not-a-token"), 401);
      assertThat(get("/api/households", "keel_not-a-token").body()).doesNotContain("keel_not-a-token");
    }

    @Test
    void openApiDocument_describesExactlyTheRegisteredRoutes() {
      Answer doc = get("/api/openapi.json", null);
      assertThat(doc.status()).isEqualTo(200);
      assertThat(doc.json().path("openapi").asText()).startsWith("3.");
      List<Router.Route> documented = new ArrayList<>();
      doc.json().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
          documented.add(new Router.Route(method.toUpperCase(java.util.Locale.ROOT), path.getKey()))));
      assertThat(new HashSet<>(documented)).isEqualTo(new HashSet<>(server.api().routes()));
    }

    @Test
    void drift_isTheSameJsonAsKeelAnalyze() {
      Answer drift = get("/api/households/rivera/drift?as_of=" + AS_OF, advisor);
      assertThat(drift.status()).isEqualTo(200);
      assertThat(drift.contentType()).startsWith("application/json");
      HouseholdData folder = HouseholdFolderLoader.load(FolderSource.directory(Examples.dir("rivera"))).value().get();
      assertThat(drift.body()).isEqualTo(DriftReportWriter.json(engine().drift(folder, LocalDate.parse(AS_OF))));
      assertProblem(get("/api/households/rivera/drift?as_of=2026-13-01", advisor), 422);
    }

    @Test
    void clientToken_onAnotherHouseholdsUrls_gets404Everywhere() {
      String proposal = postJson("/api/households/rivera/proposals", advisor, "{\"as_of\":\"" + AS_OF + "\"}").json()
          .path("id").asText();
      List<Answer> answers = List.of(
          get("/api/households/rivera", client),
          get("/api/households/rivera/drift", client),
          get("/api/households/rivera/drift/history", client),
          post("/api/households/rivera/transactions", client, "text/csv", "date,account,action,amount\n", Map.of()),
          postJson("/api/households/rivera/proposals", client, "{}"),
          get("/api/proposals?household=rivera", client),
          get("/api/proposals/" + proposal, client),
          post("/api/proposals/" + proposal + "/approve", client, "application/json", "", Map.of("If-Match", "\"x\"")),
          post("/api/proposals/" + proposal + "/reject", client, "application/json", "", Map.of("If-Match", "\"x\"")),
          post("/api/proposals/" + proposal + "/veto", client, "application/json", "", Map.of("If-Match", "\"x\"")),
          get("/api/audit?household=rivera", client),
          get("/api/households/no-such-household", client));
      for (Answer a : answers) {
        assertProblem(a, 404);
        assertThat(a.body()).doesNotContain("Rivera household").doesNotContain("us_stocks");
      }
      // The same URL with the client's own household works.
      assertThat(get("/api/households/wash-sales", client).status()).isEqualTo(200);
      assertThat(get("/api/households", client).json().path("households")).hasSize(1);
    }

    @Test
    void badImport_is422WithEveryProblem_andStoresNothing() {
      Map<String, String> files = new java.util.HashMap<>(Examples.files("rivera").files());
      files.put("lots.csv", files.get("lots.csv").replaceFirst("200,24000.00", "2O0,24000.00"));
      files.remove("policy.yaml");
      String body = Json.write(Map.of("id", "bad", "files", files));

      Answer answer = postJson("/api/households", admin, body);

      assertProblem(answer, 422);
      JsonNode problems = answer.json().path("problems");
      assertThat(problems.size()).isGreaterThanOrEqualTo(2);
      assertThat(problems).anySatisfy(p -> {
        assertThat(p.path("file").asText()).isEqualTo("lots.csv");
        assertThat(p.path("line").asInt()).isEqualTo(2);
        assertThat(p.path("field").asText()).isEqualTo("quantity");
        assertThat(p.path("value").asText()).isEqualTo("2O0");
      });
      assertThat(problems).anySatisfy(p -> assertThat(p.path("file").asText()).isEqualTo("policy.yaml"));
      assertProblem(get("/api/households/bad", admin), 404);
    }

    @Test
    void goodImport_byJson_is201_andTheAdvisorWhoImportedSeesIt() {
      String body = Json.write(Map.of("id", "rivera-2", "files", Examples.files("rivera").files()));
      Answer answer = postJson("/api/households", advisor, body);
      assertThat(answer.status()).as(answer.body()).isEqualTo(201);
      assertThat(answer.header("Location")).contains("/api/households/rivera-2");
      assertThat(get("/api/households/rivera-2", advisor).json().path("name").asText()).isEqualTo("Rivera household");
      assertProblem(postJson("/api/households", advisor, body), 409);
      assertProblem(postJson("/api/households", client, body), 403);
    }

    @Test
    void proposal_isTheRebalanceJsonPlusIdAndStatus_andTwoRacingApprovers_oneWins() throws Exception {
      Answer created = postJson("/api/households/rivera/proposals", advisor, "{\"as_of\":\"" + AS_OF + "\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      JsonNode p = created.json();
      assertThat(p.path("status").asText()).isEqualTo("proposed");
      assertThat(p.path("as_of").asText()).isEqualTo(AS_OF);
      assertThat(p.path("trades").size()).isPositive();
      assertThat(p.path("tax").has("estimated_tax")).isTrue();
      String id = p.path("id").asText();
      String etag = created.header("ETag").orElseThrow();

      assertProblem(post("/api/proposals/" + id + "/approve", advisor, "application/json", "", Map.of()), 428);

      CyclicBarrier start = new CyclicBarrier(2);
      List<CompletableFuture<Answer>> racers = new ArrayList<>();
      for (String token : List.of(advisor, admin)) {
        racers.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return post("/api/proposals/" + id + "/approve", token, "application/json", "", Map.of("If-Match", etag));
        }));
      }
      List<Integer> statuses = new ArrayList<>();
      for (CompletableFuture<Answer> r : racers) {
        statuses.add(r.get().status());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
      assertThat(get("/api/proposals/" + id, advisor).json().path("status").asText()).isEqualTo("approved");
      assertProblem(post("/api/proposals/" + id + "/reject", advisor, "application/json", "", Map.of("If-Match", etag)), 409);
    }

    @Test
    void droppingTheSaleThatPaysForTheBuys_isRefused_withWhy_andNothingChanges() {
      // rivera on 2026-11-22: trade 1 sells $84,388.00 of VTI in alex-401k, which pays for trades 2
      // and 3 (BND and VXUS, $84,360.70 together); alex-401k holds no other cash for them.
      Answer created = postJson("/api/households/rivera/proposals", advisor, "{\"as_of\":\"" + AS_OF + "\"}");
      JsonNode trades = created.json().path("trades");
      assertThat(trades.get(0).path("side").asText()).isEqualTo("sell");
      assertThat(trades.get(0).path("account").asText()).isEqualTo("alex-401k");
      String id = created.json().path("id").asText();
      String etag = created.header("ETag").orElseThrow();

      Answer refused = post("/api/proposals/" + id + "/approve", advisor, "application/json", "{\"drop\":[1]}",
          Map.of("If-Match", etag));

      assertProblem(refused, 422);
      assertThat(refused.body()).contains("not_bookable").contains("alex-401k").containsIgnoringCase("cash");
      Answer after = get("/api/proposals/" + id, advisor);
      assertThat(after.json().path("status").asText()).isEqualTo("proposed");
      assertThat(after.json().path("trades").size()).isEqualTo(trades.size());
      assertThat(after.header("ETag")).contains(etag);
    }

    @Test
    void droppingTheSaleThatPaysAWithdrawal_isRefused() {
      // A $50,000 withdrawal from joint is paid by selling VTI in joint; without that sale the
      // withdrawal would take joint's cash below zero.
      Answer created = postJson("/api/households/rivera/proposals", advisor,
          "{\"as_of\":\"" + AS_OF + "\",\"cash_flows\":{\"joint\":-50000}}");
      JsonNode trades = created.json().path("trades");
      int sale = -1;
      for (int i = 0; i < trades.size(); i++) {
        if (trades.get(i).path("account").asText().equals("joint") && trades.get(i).path("side").asText().equals("sell")) {
          sale = i + 1;
        }
      }
      assertThat(sale).isPositive();
      String id = created.json().path("id").asText();

      Answer refused = post("/api/proposals/" + id + "/approve", advisor, "application/json", "{\"drop\":[" + sale + "]}",
          Map.of("If-Match", created.header("ETag").orElseThrow()));

      assertProblem(refused, 422);
      assertThat(refused.body()).contains("cash in joint");
    }

    @Test
    void droppingATrade_approvesTheRest_andTheAuditSaysWhoDroppedWhat() {
      Answer created = postJson("/api/households/rivera/proposals", advisor, "{\"as_of\":\"" + AS_OF + "\"}");
      JsonNode trades = created.json().path("trades");
      int last = trades.size();
      JsonNode dropped = trades.get(last - 1);
      assertThat(dropped.path("side").asText()).isEqualTo("buy");
      String id = created.json().path("id").asText();

      assertProblem(post("/api/proposals/" + id + "/approve", advisor, "application/json", "{\"drop\":[" + (last + 1) + "]}",
          Map.of("If-Match", created.header("ETag").orElseThrow())), 422);
      assertProblem(post("/api/proposals/" + id + "/approve", advisor, "application/json", "{\"drop\":[\"x\"]}",
          Map.of("If-Match", created.header("ETag").orElseThrow())), 422);
      Answer approved = post("/api/proposals/" + id + "/approve", advisor, "application/json", "{\"drop\":[" + last + "]}",
          Map.of("If-Match", created.header("ETag").orElseThrow()));

      assertThat(approved.status()).as(approved.body()).isEqualTo(200);
      JsonNode stored = get("/api/proposals/" + id, advisor).json();
      assertThat(stored.path("status").asText()).isEqualTo("approved");
      assertThat(stored.path("trades").size()).isEqualTo(last - 1);
      assertThat(stored.path("dropped_trades").get(0).path("symbol").asText()).isEqualTo(dropped.path("symbol").asText());
      assertThat(stored.path("dropped_trades").get(0).path("account").asText()).isEqualTo(dropped.path("account").asText());
      assertThat(stored.path("dropped_by").asText()).isEqualTo("alice");
      String audit = get("/api/audit?household=rivera", advisor).body().replaceAll("\\s", "");
      assertThat(audit).contains("proposal.trades_dropped").contains("\"dropped\":[" + last + "]");
      assertThat(get("/api/audit/verify", admin).json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void scan_raisesBandBreached_oncePerHouseholdAndDate() throws Exception {
      // rivera on 2026-11-22: us_stocks 58.7% against a band of 45-55%, bonds 17.6% against 20-30%.
      for (int run = 0; run < 2; run++) {
        Answer scan = postJson("/api/scans", admin, "{\"as_of\":\"" + AS_OF + "\"}");
        String scanId = scan.json().path("id").asText();
        JsonNode summary = scan.json();
        for (int i = 0; i < 600 && summary.path("pending").asInt() > 0; i++) {
          Thread.sleep(100);
          summary = get("/api/scans/" + scanId, admin).json();
        }
        assertThat(summary.path("pending").asInt()).isZero();
      }
      List<String> subjects = new ArrayList<>();
      HashSet<String> ids = new HashSet<>();
      for (JsonNode a : get("/api/alerts?household=rivera", advisor).json().path("alerts")) {
        if (a.path("kind").asText().equals("band_breached") && ids.add(a.path("alert").asText())) {
          subjects.add(a.path("subject").asText());
        }
      }
      assertThat(subjects).containsExactly("Outside its band in rivera on 2026-11-22: us_stocks at 58.7% (band 45.0%–55.0%), "
          + "bonds at 17.6% (band 20.0%–30.0%)");
    }

    @Test
    void proposalSellingALossAScheduledPurchaseWashes_raisesWashSaleRisk() {
      // A $50,000 withdrawal from joint sells lot J-VTI-2026 at a loss; the payroll purchase of VTI
      // in alex-401k on 2026-12-01 (harvest.scheduled) is within 30 days and washes $607.50 of it.
      Answer created = postJson("/api/households/rivera/proposals", advisor,
          "{\"as_of\":\"" + AS_OF + "\",\"cash_flows\":{\"joint\":-50000}}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      Answer plain = postJson("/api/households/rivera/proposals", advisor, "{\"as_of\":\"" + AS_OF + "\"}");
      assertThat(plain.status()).isEqualTo(201);

      List<String> subjects = new ArrayList<>();
      for (JsonNode a : get("/api/alerts?household=rivera", advisor).json().path("alerts")) {
        if (a.path("kind").asText().equals("wash_sale_risk")) {
          subjects.add(a.path("subject").asText());
        }
      }
      assertThat(subjects).containsExactly("Proposal for rivera on 2026-11-22: a scheduled purchase within 30 days would "
          + "wash $607.50 of the losses it sells");
    }

    @Test
    void aTokensFirstUseOfTheDay_isAnAuditEvent_onceHoweverManyRequests_andNeverHoldsTheToken() {
      for (int i = 0; i < 3; i++) {
        assertThat(get("/api/households", advisor).status()).isEqualTo(200);
      }
      assertProblem(get("/api/households", "keel_not-a-token"), 401);
      Answer audit = get("/api/audit", admin);
      List<JsonNode> uses = new ArrayList<>();
      audit.json().path("events").forEach(e -> {
        if (e.path("action").asText().equals("token.used") && e.path("actor").asText().equals("alice")) {
          uses.add(e);
        }
      });
      assertThat(uses).hasSize(1);
      assertThat(uses.get(0).path("state").path("date").asText()).hasSize(10);
      assertThat(audit.body()).doesNotContain(advisor).doesNotContain(admin).doesNotContain("keel_not-a-token");
      assertThat(get("/api/audit/verify", admin).json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void approvingAfterANewTransaction_supersedes() {
      Answer created = postJson("/api/households/rivera/proposals", advisor, "{\"as_of\":\"" + AS_OF + "\"}");
      String id = created.json().path("id").asText();
      Answer added = post("/api/households/rivera/transactions", advisor, "text/csv",
          "date,account,action,amount\n2026-11-21,joint,deposit,2500.00\n", Map.of());
      assertThat(added.status()).as(added.body()).isEqualTo(201);

      Answer approve = post("/api/proposals/" + id + "/approve", advisor, "application/json", "",
          Map.of("If-Match", created.header("ETag").orElseThrow()));

      assertProblem(approve, 409);
      String fresh = approve.json().path("superseded_by").asText();
      assertThat(get("/api/proposals/" + id, advisor).json().path("status").asText()).isEqualTo("superseded");
      assertThat(get("/api/proposals/" + fresh, advisor).json().path("status").asText()).isEqualTo("proposed");
    }

    @Test
    void badTransactions_are422_andPricesAreStored() {
      Answer bad = post("/api/households/rivera/transactions", advisor, "text/csv",
          "date,account,action,symbol,quantity,price\n2026-11-21,nowhere,buy,VTI,ten,300\n", Map.of());
      assertProblem(bad, 422);
      assertThat(bad.json().path("problems")).anySatisfy(p -> assertThat(p.path("field").asText()).isEqualTo("quantity"));
      Answer prices = post("/api/prices", advisor, "text/csv", "symbol,price,date\nVTI,311.00,2026-11-21\n", Map.of());
      assertThat(prices.status()).isEqualTo(201);
      assertProblem(post("/api/prices", client, "text/csv", "symbol,price,date\nVTI,311.00,2026-11-21\n", Map.of()), 403);
    }

    @Test
    void scan_thenApprove_thenTheAuditTrailTellsItAndVerifies() throws Exception {
      Answer scan = postJson("/api/scans", admin, "{\"as_of\":\"" + AS_OF + "\"}");
      assertThat(scan.status()).as(scan.body()).isEqualTo(202);
      String scanId = scan.json().path("id").asText();
      JsonNode summary = scan.json();
      for (int i = 0; i < 600 && summary.path("pending").asInt() > 0; i++) {
        Thread.sleep(100);
        summary = get("/api/scans/" + scanId, admin).json();
      }
      assertThat(summary.path("pending").asInt()).isZero();
      assertThat(summary.path("done").asInt()).isEqualTo(2);
      // A second POST for the same date is the same scan.
      assertThat(postJson("/api/scans", admin, "{\"as_of\":\"" + AS_OF + "\"}").json().path("id").asText()).isEqualTo(scanId);

      JsonNode proposals = get("/api/proposals?household=rivera&status=proposed", advisor).json().path("proposals");
      assertThat(proposals).hasSize(1);
      String id = proposals.get(0).path("id").asText();
      Answer read = get("/api/proposals/" + id, advisor);
      Answer approved = post("/api/proposals/" + id + "/approve", advisor, "application/json", "{\"note\":\"ok\"}",
          Map.of("If-Match", read.header("ETag").orElseThrow()));
      assertThat(approved.status()).as(approved.body()).isEqualTo(200);
      assertThat(approved.json().path("decided_by").asText()).isEqualTo("alice");

      JsonNode events = get("/api/audit?household=rivera", advisor).json().path("events");
      List<String> actions = new ArrayList<>();
      events.forEach(e -> actions.add(e.path("action").asText()));
      assertThat(actions).containsSubsequence("household.imported", "proposal.created", "scan.household_scanned",
          "proposal.approved");
      Answer csv = get("/api/audit?household=rivera&format=csv", advisor);
      assertThat(csv.body()).startsWith("seq,at,actor,action").contains("proposal.approved");
      JsonNode verify = get("/api/audit/verify", admin).json();
      assertThat(verify.path("ok").asBoolean()).isTrue();
      assertThat(verify.path("events").asInt()).isGreaterThan(5);
      // The client of wash-sales sees its scan result only.
      assertThat(get("/api/scans/" + scanId, client).json().path("results")).hasSize(1);
    }

    @Test
    void unknownRoute_isAProblemToo() {
      assertProblem(get("/api/nothing-here", admin), 404);
      assertProblem(postJson("/api/households/rivera/proposals", advisor, "{not json"), 422);
    }
  }
}
