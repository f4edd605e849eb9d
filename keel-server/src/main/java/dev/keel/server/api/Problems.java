package dev.keel.server.api;

import dev.keel.core.problem.InvalidInputException;
import dev.keel.io.report.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to application/problem+json, once, for the whole app. Never a stack trace in an answer. */
final class Problems {

  static final String CONTENT_TYPE = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  static void install(Javalin app) {
    app.exception(ApiProblem.class, (e, ctx) -> render(ctx, e));
    app.exception(InvalidInputException.class, (e, ctx) -> render(ctx, ApiProblem.invalid(e.problems())));
    app.exception(HttpResponseException.class, (e, ctx) -> render(ctx, ApiProblem.of(e.getStatus(), title(e.getStatus()),
        e.getMessage())));
    app.exception(Exception.class, (e, ctx) -> {
      String incident = UUID.randomUUID().toString();
      // The cause goes to the log with an incident id; the answer carries only the id.
      LOG.error("incident={} method={} path={} failed", incident, ctx.method(), ctx.path(), e);
      render(ctx, ApiProblem.of(500, "Internal error", "the server failed; incident " + incident));
    });
    app.error(404, ctx -> {
      if (!CONTENT_TYPE.equals(ctx.res().getContentType())) {
        render(ctx, ApiProblem.of(404, "Not found", ctx.path() + " is not a resource of this API"));
      }
    });
    app.error(405, ctx -> render(ctx, ApiProblem.of(405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path())));
  }

  static void render(Context ctx, ApiProblem problem) {
    ctx.status(problem.status());
    ctx.contentType(CONTENT_TYPE);
    ctx.result(Json.write(problem.body()));
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 412 -> "Precondition failed";
      case 415 -> "Unsupported media type";
      case 428 -> "Precondition required";
      default -> "Error";
    };
  }
}
