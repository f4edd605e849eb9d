package dev.keel.server.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.keel.io.report.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reading requests and writing answers: JSON written by keel-io's one configuration, decimals kept exact. */
final class Bodies {

  private static final ObjectReader READER = Json.mapper().reader()
      .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Bodies() {}

  static void json(Context ctx, int status, Object body) {
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(Json.write(body));
  }

  /** A JSON text already written by a keel-io writer, sent as it is. */
  static void rawJson(Context ctx, String json) {
    ctx.contentType("application/json");
    ctx.result(json);
  }

  /** The request body as a JSON tree; an empty body is an empty object. A malformed body is 422. */
  static JsonNode tree(Context ctx) {
    String body = ctx.body();
    if (body.isBlank()) {
      return Json.mapper().createObjectNode();
    }
    try {
      JsonNode node = READER.readTree(body);
      if (!node.isObject()) {
        throw ApiProblem.badRequest("body", null, "must be a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiProblem.badRequest("body", null, "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** A stored JSON document as an ordered map (decimals as BigDecimal, so they are written back unchanged). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String json) {
    try {
      return READER.forType(LinkedHashMap.class).readValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An optional date from a query parameter or JSON field; a bad one is 422. */
  static Optional<LocalDate> date(String field, String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.trim()));
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest(field, text, "is not a date; expected YYYY-MM-DD");
    }
  }
}
