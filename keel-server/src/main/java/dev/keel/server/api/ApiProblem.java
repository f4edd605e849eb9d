package dev.keel.server.api;

import dev.keel.core.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answered as application/problem+json (RFC 9457): type, title, status, detail, and for
 * bad input the list of problems, each with file (or request part), line, field, value and what
 * was expected. Thrown by handlers; rendered once by {@link Problems}.
 */
public final class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final transient List<Problem> problems;
  private final transient Map<String, Object> extensions;

  public ApiProblem(int status, String title, String detail, List<Problem> problems, Map<String, Object> extensions) {
    super(detail);
    this.status = status;
    this.title = title;
    this.problems = List.copyOf(problems);
    this.extensions = new LinkedHashMap<>(extensions);
  }

  public static ApiProblem of(int status, String title, String detail) {
    return new ApiProblem(status, title, detail, List.of(), Map.of());
  }

  public static ApiProblem invalid(List<Problem> problems) {
    int n = problems.size();
    return new ApiProblem(422, "Invalid input", n + (n == 1 ? " problem" : " problems") + " in the input; nothing was stored",
        problems, Map.of());
  }

  public static ApiProblem badRequest(String field, String value, String expected) {
    return invalid(List.of(new Problem("request", 0, field, value, expected)));
  }

  public static ApiProblem notFound(String what) {
    return of(404, "Not found", what + " was not found");
  }

  public static ApiProblem forbidden(String detail) {
    return of(403, "Forbidden", detail);
  }

  public int status() {
    return status;
  }

  /** The JSON body. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "https://keel.dev/problems/" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
    body.put("title", title);
    body.put("status", status);
    body.put("detail", getMessage());
    if (!problems.isEmpty()) {
      body.put("problems", problems.stream().map(p -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.file());
        m.put("line", p.line());
        m.put("field", p.field());
        m.put("value", p.value());
        m.put("message", p.message());
        m.put("text", p.toString());
        return m;
      }).toList());
    }
    body.putAll(extensions);
    return body;
  }
}
