package dev.keel.server.api;

import dev.keel.core.engine.HouseholdEngine;
import dev.keel.store.access.User;
import io.javalin.Javalin;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Javalin app: authentication, the routes of every resource, problem+json errors, a request log. */
public final class KeelApi {

  private static final Logger LOG = LoggerFactory.getLogger("keel.http");

  private final Javalin app;
  private final Router router;
  private final OpenApi openApi;

  public KeelApi(Services services, HouseholdEngine engine) {
    this(services, engine, dev.keel.server.broker.EnvironmentBrokers.fromSystem());
  }

  /** As {@link #KeelApi(Services, HouseholdEngine)}, reconciling and trading with the brokers {@code brokers} reaches. */
  public KeelApi(Services services, HouseholdEngine engine, dev.keel.server.broker.BrokerConnector brokers) {
    this.openApi = OpenApi.load();
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = 20_000_000L;
      config.requestLogger.http((ctx, ms) -> {
        User user = ctx.attribute("keel.user");
        // Method, path, status, time and user: never a header, a body or a token.
        LOG.info("method={} path={} status={} ms={} user={}", ctx.method(), ctx.path(), ctx.statusCode(),
            String.format("%.1f", ms), user == null ? "-" : user.name());
      });
    });
    Auth auth = new Auth(services.store().users(), services.store().households());
    app.before(auth::authenticate);
    Problems.install(app);
    this.router = new Router(app);
    new SystemRoutes(services, openApi).register(router);
    new HouseholdRoutes(services, auth, engine).register(router);
    new PriceRoutes(services).register(router);
    new ProposalRoutes(services, auth).register(router);
    new ScanRoutes(services).register(router);
    new AuditRoutes(services, auth).register(router);
    new ImportRoutes(services, auth).register(router);
    new ReconcileRoutes(services, auth, new dev.keel.server.broker.BrokerReconciler(services.store(), engine, brokers))
        .register(router);
    new ExecutionRoutes(services, new dev.keel.server.broker.ProposalExecution(services.store(), brokers,
        dev.keel.broker.execute.ExecutionPolicy.DEFAULT)).register(router);
    new AlertRoutes(services, auth).register(router);
  }

  public Javalin app() {
    return app;
  }

  public List<Router.Route> routes() {
    return router.routes();
  }

  public OpenApi openApi() {
    return openApi;
  }
}
