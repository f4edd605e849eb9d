package dev.keel.server.api;

import dev.keel.broker.execute.ExecutionResult;
import dev.keel.broker.execute.TradeOutcome;
import dev.keel.server.broker.ProposalExecution;
import dev.keel.store.access.Role;
import dev.keel.store.proposal.StoredProposal;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** POST /api/proposals/{id}/execute: an approved proposal traded through its accounts' brokers. */
final class ExecutionRoutes {

  private final Services services;
  private final ProposalExecution execution;

  ExecutionRoutes(Services services, ProposalExecution execution) {
    this.services = services;
    this.execution = execution;
  }

  void register(Router router) {
    router.post("/api/proposals/{id}/execute", this::execute);
  }

  private void execute(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<StoredProposal> p = services.store().proposals().store().find(id);
    if (p.isEmpty() || !Auth.user(ctx).canSee(p.get().household())) {
      throw ApiProblem.notFound("proposal " + id);
    }
    Auth.requireRole(ctx, Role.ADMIN, Role.ADVISOR);
    ProposalExecution.Outcome outcome;
    try {
      outcome = execution.execute(p.get(), Auth.user(ctx).name());
    } catch (ProposalExecution.NotExecutable e) {
      throw ApiProblem.of(409, "Conflict", e.getMessage());
    }
    Bodies.json(ctx, 200, render(outcome));
  }

  private static Map<String, Object> render(ProposalExecution.Outcome o) {
    ExecutionResult r = o.result();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.proposal().id());
    m.put("household", o.proposal().household().value());
    m.put("status", o.proposal().status().code());
    m.put("execution", r.status().name().toLowerCase(java.util.Locale.ROOT));
    m.put("booked_fills", r.booked());
    m.put("trades", r.trades().stream().map(ExecutionRoutes::trade).toList());
    m.put("halted", r.halted());
    m.put("warnings", r.warnings());
    return m;
  }

  private static Map<String, Object> trade(TradeOutcome t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", t.trade().index());
    m.put("account", t.trade().account().value());
    m.put("symbol", t.trade().symbol().value());
    m.put("side", t.trade().side().code());
    m.put("quantity", t.trade().quantity());
    m.put("status", t.status().name().toLowerCase(java.util.Locale.ROOT));
    m.put("filled", t.filled());
    m.put("average_price", t.averagePrice().orElse(null));
    return m;
  }
}
