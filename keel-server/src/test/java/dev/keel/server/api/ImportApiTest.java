package dev.keel.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.io.report.Json;
import dev.keel.server.ServerSuite;
import dev.keel.store.Database;
import dev.keel.store.TestDatabases;
import dev.keel.store.household.Examples;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** POST /api/households/{id}/imports over real HTTP, on both databases. */
class ImportApiTest {

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

    /** A Schwab transaction-history export of the IRA ...1234: a transfer in and a buy of BND. */
    static final String SCHWAB = """
        "Transactions  for account IRA ...1234 as of 11/20/2026 07:02:11 PM ET"
        "Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"
        "11/18/2026","Buy","BND","VANGUARD TOTAL BOND MARKET ETF","2","$72.50","","-$145.00"
        "11/17/2026","MoneyLink Transfer","","Tfr BANK OF AMERICA, SAM","","","","$200.00"
        "Transactions Total","","","","","","","$55.00"
        """;

    static final String HOUSEHOLD = "schwab-home";

    @BeforeEach
    void storeAHouseholdWithAnAccountNumber() {
      Map<String, String> files = new HashMap<>(Examples.files("rivera").files());
      String yaml = files.get("household.yaml");
      assertThat(yaml).contains("custodian: Schwab\n    cash: 350");
      files.put("household.yaml", yaml.replace("custodian: Schwab\n    cash: 350",
          "custodian: Schwab\n    account_number: \"87651234\"\n    cash: 350"));
      Answer created = postJson("/api/households", advisor, Json.write(Map.of("id", HOUSEHOLD, "files", files)));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static String jsonBody(Map<String, String> files) {
      List<Map<String, String>> list = new ArrayList<>();
      files.forEach((name, text) -> list.add(Map.of("name", name,
          "content_base64", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)))));
      return Json.write(Map.of("files", list));
    }

    private int transactions() {
      return get("/api/households/" + HOUSEHOLD, advisor).json().path("transactions").asInt();
    }

    @Test
    void json_addsTheStatementsRows_thenImportingAgainAddsNothing() {
      int before = transactions();

      Answer first = postJson("/api/households/" + HOUSEHOLD + "/imports", advisor, jsonBody(Map.of("History.csv", SCHWAB)));

      assertThat(first.status()).as(first.body()).isEqualTo(201);
      JsonNode added = first.json().path("added").path("transactions");
      assertThat(added).hasSize(2);
      assertThat(added.get(0).path("action").asText()).isEqualTo("deposit");
      assertThat(added.get(0).path("amount").decimalValue()).isEqualByComparingTo("200.00");
      assertThat(added.get(1).path("action").asText()).isEqualTo("buy");
      assertThat(added.get(1).path("account").asText()).isEqualTo("sam-ira");
      assertThat(added.get(1).path("quantity").decimalValue()).isEqualByComparingTo("2");
      assertThat(added.get(1).path("price").decimalValue()).isEqualByComparingTo("72.50");
      assertThat(added.get(1).path("source").path("file").asText()).isEqualTo("History.csv");
      assertThat(added.get(1).path("source").path("line").asInt()).isEqualTo(3);
      assertThat(first.json().path("stored").asBoolean()).isTrue();
      assertThat(transactions()).isEqualTo(before + 2);
      // The stored books load (drift answers) with the new rows in them.
      assertThat(get("/api/households/" + HOUSEHOLD + "/drift?as_of=2026-11-22", advisor).status()).isEqualTo(200);

      Answer again = postJson("/api/households/" + HOUSEHOLD + "/imports", advisor, jsonBody(Map.of("Copy.csv", SCHWAB)));

      assertThat(again.status()).as(again.body()).isEqualTo(200);
      assertThat(again.json().path("stored").asBoolean()).isFalse();
      assertThat(again.json().path("added").path("transactions")).isEmpty();
      assertThat(again.json().path("already_imported")).hasSize(2);
      assertThat(transactions()).isEqualTo(before + 2);

      List<String> actions = new ArrayList<>();
      get("/api/audit?household=" + HOUSEHOLD, advisor).json().path("events").forEach(e -> actions.add(e.path("action").asText()));
      assertThat(actions).containsSubsequence("household.imported", "household.statements_imported",
          "household.statements_imported");
      assertThat(get("/api/audit/verify", admin).json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void multipart_isTheSameImport() {
      String boundary = "keel-test-boundary";
      String body = "--" + boundary + "\r\n"
          + "Content-Disposition: form-data; name=\"files\"; filename=\"History.csv\"\r\n"
          + "Content-Type: text/csv\r\n\r\n" + SCHWAB + "\r\n"
          + "--" + boundary + "--\r\n";
      Answer answer = post("/api/households/" + HOUSEHOLD + "/imports", advisor, "multipart/form-data; boundary=" + boundary,
          body, Map.of());
      assertThat(answer.status()).as(answer.body()).isEqualTo(201);
      assertThat(answer.json().path("added").path("transactions")).hasSize(2);
      assertThat(answer.json().path("formats").get(0).asText()).startsWith("History.csv: ");
    }

    @Test
    void badFiles_are422WithEveryProblem_andStoreNothing() {
      int before = transactions();
      String badRow = SCHWAB.replace("\"2\",\"$72.50\"", "\"two\",\"$72.50\"");
      Map<String, String> files = new HashMap<>();
      files.put("History.csv", badRow);
      files.put("notes.txt", "these are not a statement\n");
      // A good file beside the bad ones: nothing of it is stored either.
      files.put("Good.csv", SCHWAB);

      Answer answer = postJson("/api/households/" + HOUSEHOLD + "/imports", advisor, jsonBody(files));

      assertProblem(answer, 422);
      JsonNode problems = answer.json().path("problems");
      assertThat(problems).anySatisfy(p -> {
        assertThat(p.path("file").asText()).isEqualTo("History.csv");
        assertThat(p.path("line").asInt()).isEqualTo(3);
        assertThat(p.path("field").asText()).isEqualTo("Quantity");
        assertThat(p.path("value").asText()).isEqualTo("two");
      });
      assertThat(problems).anySatisfy(p -> assertThat(p.path("file").asText()).isEqualTo("notes.txt"));
      assertThat(transactions()).isEqualTo(before);

      Answer notBase64 = postJson("/api/households/" + HOUSEHOLD + "/imports", advisor,
          "{\"files\":[{\"name\":\"a.csv\",\"content_base64\":\"***\"},{\"content_base64\":\"QQ==\"}]}");
      assertProblem(notBase64, 422);
      assertThat(notBase64.json().path("problems")).hasSize(2);
      assertProblem(postJson("/api/households/" + HOUSEHOLD + "/imports", advisor, "{}"), 422);
    }

    @Test
    void aStatementForAnUnknownAccountNumber_isAProblemNamingIt() {
      Answer answer = postJson("/api/households/" + HOUSEHOLD + "/imports", advisor,
          jsonBody(Map.of("History.csv", SCHWAB.replace("...1234", "...9999"))));
      assertProblem(answer, 422);
      assertThat(answer.body()).contains("9999");
    }

    @Test
    void access_anotherHouseholdIs404_andAClientMayNotImport() {
      String body = jsonBody(Map.of("History.csv", SCHWAB));
      Answer other = postJson("/api/households/" + HOUSEHOLD + "/imports", client, body);
      assertProblem(other, 404);
      assertThat(other.body()).doesNotContain("Rivera");
      assertProblem(postJson("/api/households/wash-sales/imports", client, body), 403);
      assertProblem(send(HttpRequest.newBuilder(uri("/api/households/" + HOUSEHOLD + "/imports"))
          .POST(HttpRequest.BodyPublishers.ofString(body)), null, Map.of()), 401);
    }
  }
}
