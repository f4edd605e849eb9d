package dev.keel.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keel.io.report.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The OpenAPI 3 document, written by hand in openapi.yaml (a resource) and served as JSON. */
public final class OpenApi {

  private final JsonNode document;

  private OpenApi(JsonNode document) {
    this.document = document;
  }

  public static OpenApi load() {
    try (InputStream in = OpenApi.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the server's resources");
      }
      return new OpenApi(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String json() {
    return Json.write(document);
  }

  /** Every (method, path) the document describes. */
  public List<Router.Route> routes() {
    List<Router.Route> routes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
          routes.add(new Router.Route(method.toUpperCase(java.util.Locale.ROOT), path.getKey()));
        }
      }
    }
    return routes;
  }
}
