package dev.keel.store.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.keel.io.report.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An auditor's report of audit events, as JSON or CSV: every event with who, when, what and the
 * entity's new state (for a proposal: its inputs' fingerprint, trades, reasons and tax when made;
 * who approved it and when). Shared by {@code keel audit export} and {@code GET /api/audit}.
 */
public final class AuditReport {

  private AuditReport() {}

  public static List<Map<String, Object>> rows(List<AuditEvent> events) {
    return events.stream().map(e -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", e.seq());
      m.put("at", e.at());
      m.put("actor", e.actor());
      m.put("action", e.action());
      m.put("entity_type", e.entityType());
      m.put("entity_id", e.entityId());
      m.put("household", e.householdId());
      m.put("state", state(e.state()));
      m.put("hash", e.hash());
      return m;
    }).toList();
  }

  public static String json(List<AuditEvent> events) {
    return Json.write(Map.of("events", rows(events)));
  }

  /** One line per event; the state is its JSON text in one quoted cell. */
  public static String csv(List<AuditEvent> events) {
    StringBuilder csv = new StringBuilder("seq,at,actor,action,entity_type,entity_id,household,state,hash\n");
    for (AuditEvent e : events) {
      csv.append(e.seq()).append(',').append(e.at()).append(',').append(cell(e.actor())).append(',')
          .append(cell(e.action())).append(',').append(cell(e.entityType())).append(',').append(cell(e.entityId()))
          .append(',').append(e.householdId() == null ? "" : cell(e.householdId())).append(',').append(cell(e.state()))
          .append(',').append(e.hash()).append('\n');
    }
    return csv.toString();
  }

  private static Object state(String text) {
    if (!text.startsWith("{")) {
      return Map.of("text", text);
    }
    try {
      return Json.mapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .forType(LinkedHashMap.class).readValue(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cell(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("\n")
        ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
