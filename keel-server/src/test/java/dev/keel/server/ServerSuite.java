package dev.keel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.io.report.Json;
import dev.keel.store.Database;
import dev.keel.store.Store;
import dev.keel.store.TestDatabases;
import dev.keel.store.access.Role;
import dev.keel.store.household.Examples;
import dev.keel.store.household.HouseholdId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the API tests: a real server on a loopback ephemeral port over a fresh database (H2 or
 * PostgreSQL, by subclass) holding the two examples, and three users: an admin, an advisor of
 * rivera and a client of wash-sales.
 */
public abstract class ServerSuite {

  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);

  protected KeelServer server;
  protected String admin;
  protected String advisor;
  protected String client;
  protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  protected abstract Database newDatabase();

  @BeforeEach
  void startServer() {
    Database database = newDatabase();
    server = KeelServer.start(database, new ServerConfig("127.0.0.1", 0, Optional.empty(), "", "", Path.of("unused"),
        Optional.empty(), 2), CLOCK, brokers());
    Store store = server.store();
    store.households().importFolder(HouseholdId.of("rivera"), Examples.files("rivera"), "setup");
    store.households().importFolder(HouseholdId.of("wash-sales"), Examples.files("wash-sales"), "setup");
    admin = store.users().add("root", Role.ADMIN, Set.of(), "setup").token();
    advisor = store.users().add("alice", Role.ADVISOR, Set.of(HouseholdId.of("rivera")), "setup").token();
    client = store.users().add("casey", Role.CLIENT, Set.of(HouseholdId.of("wash-sales")), "setup").token();
  }

  /** How the server reaches brokers: by default an environment with no broker keys. */
  protected dev.keel.server.broker.BrokerConnector brokers() {
    return new dev.keel.server.broker.EnvironmentBrokers(Map.of());
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      Optional<String> schema = server.store().database().schema();
      boolean postgres = server.store().database().isPostgres();
      server.close();
      if (postgres) {
        schema.filter(s -> s.startsWith("keel_test_")).ifPresent(TestDatabases::dropSchema);
      }
    }
  }

  protected URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  /** A response: status, headers and body. */
  public record Answer(int status, HttpResponse<String> raw) {
    public String body() {
      return raw.body();
    }

    public JsonNode json() {
      try {
        return Json.mapper().readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + raw.body(), e);
      }
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }
  }

  protected Answer get(String path, String token) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), token, Map.of());
  }

  protected Answer post(String path, String token, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", contentType);
    return send(b, token, headers);
  }

  protected Answer postJson(String path, String token, String body) {
    return post(path, token, "application/json", body, Map.of());
  }

  protected Answer send(HttpRequest.Builder request, String token, Map<String, String> headers) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  protected static void assertProblem(Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().path("status").asInt()).isEqualTo(status);
    assertThat(answer.json().path("title").asText()).isNotBlank();
  }

  protected static HouseholdEngine engine() {
    return HouseholdEngine.DEFAULT;
  }
}
