package dev.keel.io.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.core.price.PriceAge;
import dev.keel.core.price.PriceAges;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Says which prices a report used that are older than its as-of date: under a table, as an {@code
 * old_prices} field of JSON, or as warnings beside a CSV.
 */
public final class PriceAgeWriter {

  /** The JSON field every report with an as-of date carries. */
  public static final String FIELD = "old_prices";

  /** Reads a report back exactly as written: decimals keep their digits and trailing zeros. */
  private static final com.fasterxml.jackson.databind.ObjectMapper EXACT = Json.mapper().copy()
      .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private PriceAgeWriter() {}

  /** Lines to print under a table; empty when every price is from the as-of date. */
  public static String table(PriceAges ages) {
    if (ages.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    Map<LocalDate, List<String>> byDate = new TreeMap<>();
    List<String> undated = new ArrayList<>();
    for (PriceAge age : ages.ages()) {
      if (age.quote().date().isPresent()) {
        byDate.computeIfAbsent(age.quote().date().get(), d -> new ArrayList<>()).add(age.quote().symbol().value());
      } else {
        undated.add(age.quote().symbol().value());
      }
    }
    out.append("Prices older than ").append(ages.asOf()).append(':');
    byDate.forEach((date, symbols) -> out.append("\n  ").append(date).append(" (")
        .append(java.time.temporal.ChronoUnit.DAYS.between(date, ages.asOf())).append(" days): ").append(String.join(", ", symbols)));
    if (!undated.isEmpty()) {
      out.append("\n  undated (age unknown): ").append(String.join(", ", undated));
    }
    out.append('\n');
    for (String warning : warnings(ages)) {
      out.append(warning).append('\n');
    }
    return out.toString();
  }

  /** One warning per level that needs one: prices past the warning age, past the hard limit. */
  public static List<String> warnings(PriceAges ages) {
    List<String> out = new ArrayList<>();
    List<PriceAge> warn = ages.at(PriceAge.Level.WARN);
    List<PriceAge> refuse = ages.at(PriceAge.Level.REFUSE);
    if (!warn.isEmpty()) {
      out.add("Warning: " + symbols(warn) + (warn.size() == 1 ? " has a price" : " have prices") + " more than "
          + ages.limits().warnAfterDays() + " days old (policy.yaml prices.warn_after_days); values may be out of date.");
    }
    if (!refuse.isEmpty()) {
      out.add("Warning: " + symbols(refuse) + (refuse.size() == 1 ? " has a price" : " have prices") + " more than "
          + ages.limits().refuseAfterDays() + " days old (policy.yaml prices.refuse_after_days); trades are proposed on them "
          + "only with --allow-stale-prices.");
    }
    return out;
  }

  private static String symbols(List<PriceAge> ages) {
    return String.join(", ", ages.stream().map(a -> a.quote().symbol().value() + " (" + a.quote().date().map(Object::toString)
        .orElse("undated") + ")").toList());
  }

  /** The ages as a JSON array: symbol, price, date (null when undated), age in days, level. */
  public static ArrayNode json(PriceAges ages) {
    ArrayNode array = Json.mapper().createArrayNode();
    for (PriceAge age : ages.ages()) {
      ObjectNode node = array.addObject();
      node.put("symbol", age.quote().symbol().value());
      node.put("price", age.quote().price());
      node.put("date", age.quote().date().map(LocalDate::toString).orElse(null));
      if (age.days().isPresent()) {
        node.put("age_days", age.days().get());
      } else {
        node.putNull("age_days");
      }
      node.put("level", age.level().name().toLowerCase(java.util.Locale.ROOT));
    }
    return array;
  }

  /**
   * {@code json} (a report's JSON object) with the {@link #FIELD} array added at its end. Reports
   * written by other writers get the same field this way, without each writer knowing prices.
   */
  public static String addTo(String json, PriceAges ages) {
    try {
      JsonNode root = EXACT.readTree(json);
      if (!(root instanceof ObjectNode object)) {
        return json;
      }
      object.set(FIELD, json(ages));
      return Json.write(object);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
