package dev.keel.store.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.core.household.AccountId;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.rebalance.Proposal;
import dev.keel.core.security.Symbol;
import dev.keel.io.report.Json;
import dev.keel.io.report.ProposalWriter;
import dev.keel.store.audit.AuditLog;
import dev.keel.store.household.HouseholdId;
import dev.keel.store.household.HouseholdStore;
import dev.keel.store.household.StoredHousehold;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Makes proposals through the engine and decides on them. Approval re-checks a proposal against
 * the books and prices of the day it is approved: a changed household, policy or transaction
 * list, or a price moved beyond the tolerance, supersedes it with a fresh proposal instead.
 */
public final class ProposalService {

  private final HouseholdStore households;
  private final ProposalStore proposals;
  private final HouseholdEngine engine;
  private final AuditLog audit;
  private final Clock clock;
  private final BigDecimal priceTolerance;
  private final dev.keel.store.alert.AlertStore alerts;

  /**
   * @param priceTolerance the largest relative price move (e.g. 0.02 for 2%) between a proposal and
   *     its approval that keeps the proposal valid
   */
  public ProposalService(HouseholdStore households, ProposalStore proposals, HouseholdEngine engine, AuditLog audit,
      Clock clock, BigDecimal priceTolerance, dev.keel.store.alert.AlertStore alerts) {
    this.alerts = alerts;
    this.households = households;
    this.proposals = proposals;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
    this.priceTolerance = priceTolerance;
  }

  public ProposalStore store() {
    return proposals;
  }

  /** Makes and stores a proposal now (origin {@code request}), forced: the caller asked for one. */
  public Optional<StoredProposal> propose(HouseholdId id, LocalDate asOf, Map<AccountId, BigDecimal> cashFlows,
      String actor) {
    return proposals.jdbi().inTransaction(h -> households.load(h, id, asOf)
        .map(stored -> create(h, stored, asOf, cashFlows, true, "request", null, actor)));
  }

  /**
   * Runs the engine on a loaded household and stores its proposal in the caller's transaction.
   * {@code scanKey}, for scan proposals, makes a second proposal for the same household and date
   * fail on the unique key.
   */
  public StoredProposal create(Handle h, StoredHousehold stored, LocalDate asOf, Map<AccountId, BigDecimal> cashFlows,
      boolean force, String origin, String scanKey, String actor) {
    Proposal proposal = engine.propose(stored.data(), asOf, cashFlows, force);
    ExecutionMode mode = stored.execution().modeOn(asOf);
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    Optional<String> approveAfter = mode == ExecutionMode.AUTO && !proposal.trades().isEmpty()
        ? Optional.of(now.plus(Duration.ofHours(stored.execution().noticeHours())).toString()) : Optional.empty();
    StoredProposal row = new StoredProposal(UUID.randomUUID().toString(), stored.id(), asOf, ProposalStatus.PROPOSED, 1,
        mode, origin, body(proposal, cashFlows), stored.fingerprint(), proposal.trades().size(), approveAfter,
        now.toString(), actor, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    proposals.insert(h, row, scanKey);
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("status", row.status().code());
    state.put("mode", mode.code());
    state.put("as_of", asOf.toString());
    state.put("fingerprint", row.fingerprint());
    state.put("trades", row.tradeCount());
    approveAfter.ifPresent(a -> state.put("approve_after", a));
    state.put("proposal", ProposalWriter.toMap(proposal));
    audit.append(h, actor, "proposal.created", "proposal", row.id(), stored.id().value(), state);
    if (!proposal.trades().isEmpty()) {
      raiseCreated(h, row, proposal);
    }
    raiseWashRisk(h, row, proposal);
    return row;
  }

  /**
   * The stored document: the engine's proposal JSON, plus the cash flows it was made for, so that
   * an approval that drops trades re-validates the rest with the same withdrawals and deposits.
   */
  private static String body(Proposal proposal, Map<AccountId, BigDecimal> cashFlows) {
    String json = ProposalWriter.json(proposal);
    if (cashFlows.isEmpty()) {
      return json;
    }
    try {
      com.fasterxml.jackson.databind.node.ObjectNode node =
          (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(json);
      com.fasterxml.jackson.databind.node.ObjectNode flows = node.putObject("cash_flows");
      cashFlows.forEach((account, amount) -> flows.put(account.value(), amount));
      return Json.mapper().writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Approves a proposal at {@code version}. A dry-run proposal is never approvable. When the
   * books or prices moved, the proposal is superseded by a fresh one made for {@code today}.
   */
  public Decision approve(String id, int version, String actor, LocalDate today) {
    return approve(id, version, actor, today, List.of());
  }

  /**
   * Approves a proposal at {@code version} without the trades numbered {@code drop} (1-based, in
   * the order of the proposal's {@code trades}). What remains is booked through the ledger by the
   * engine's own guard; a new wash sale, a tax budget overrun, an account's cash going negative or
   * an unbookable trade refuses the approval and changes nothing.
   */
  public Decision approve(String id, int version, String actor, LocalDate today, List<Integer> drop) {
    return guarded(id, () -> proposals.jdbi().inTransaction(h -> {
      Optional<StoredProposal> found = proposals.findForUpdate(h, id);
      if (found.isEmpty()) {
        return new Decision.NotFound();
      }
      StoredProposal p = found.get();
      Optional<Decision> refused = refuse(p, version, "approved");
      if (refused.isPresent()) {
        return refused.get();
      }
      if (p.mode() == ExecutionMode.DRY_RUN) {
        return new Decision.Conflict("proposal " + id + " is a dry run: it is recorded, never approved", p);
      }
      StoredHousehold current = households.load(h, p.household(), today).orElseThrow();
      Optional<String> stale = staleness(p, current, today);
      String now = now();
      if (stale.isPresent()) {
        StoredProposal fresh = create(h, current, today, Map.of(), true, "recheck", null, actor);
        if (!proposals.transition(h, id, ProposalStatus.PROPOSED, version, ProposalStatus.SUPERSEDED, actor, now,
            stale.get(), fresh.id())) {
          throw new ConcurrentDecision();
        }
        audit.append(h, actor, "proposal.superseded", "proposal", id, p.household().value(),
            Map.of("status", "superseded", "why", stale.get(), "superseded_by", fresh.id()));
        alerts.raise(h, p.household().value(), dev.keel.store.alert.AlertKind.PROPOSAL_SUPERSEDED,
            "Proposal " + id + " was superseded: " + stale.get(),
            Map.of("proposal", id, "superseded_by", fresh.id(), "why", stale.get()));
        return new Decision.Superseded(proposals.find(h, id).orElseThrow(), fresh, stale.get());
      }
      if (!drop.isEmpty()) {
        Optional<Decision.Refused> refusedDrop = dropTrades(h, p, current, drop, actor);
        if (refusedDrop.isPresent()) {
          return refusedDrop.get();
        }
      }
      return decide(h, p, version, ProposalStatus.APPROVED, "proposal.approved", actor, null);
    }));
  }

  /**
   * Removes the dropped trades from the stored proposal when the engine accepts what remains, and
   * audits who dropped which; the refusal, with the engine's reasons, otherwise.
   */
  private Optional<Decision.Refused> dropTrades(Handle h, StoredProposal p, StoredHousehold current, List<Integer> drop,
      String actor) {
    com.fasterxml.jackson.databind.node.ObjectNode body;
    try {
      body = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(p.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<dev.keel.core.rebalance.Trade> trades = StoredTrades.of(body);
    List<String> bad = new ArrayList<>();
    java.util.SortedSet<Integer> numbers = new java.util.TreeSet<>();
    for (Integer n : drop) {
      if (n == null || n < 1 || n > trades.size()) {
        bad.add("drop: " + n + " is not a trade number of proposal " + p.id() + " (1 to " + trades.size() + ")");
      } else {
        numbers.add(n);
      }
    }
    if (!bad.isEmpty()) {
      return Optional.of(new Decision.Refused("proposal " + p.id() + " was not approved: the drop names no such trade",
          bad));
    }
    List<dev.keel.core.rebalance.Trade> kept = new ArrayList<>();
    for (int i = 0; i < trades.size(); i++) {
      if (!numbers.contains(i + 1)) {
        kept.add(trades.get(i));
      }
    }
    Map<AccountId, BigDecimal> flows = new LinkedHashMap<>();
    body.path("cash_flows").fields().forEachRemaining(e -> flows.put(AccountId.of(e.getKey()),
        new BigDecimal(e.getValue().asText())));
    List<String> why = engine.checkTrades(current.data(), p.asOf(), flows, kept).stream()
        .map(v -> v.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + v.detail()).toList();
    if (!why.isEmpty()) {
      return Optional.of(new Decision.Refused("proposal " + p.id() + " was not approved: without trade"
          + (numbers.size() == 1 ? " " : "s ") + numbers + " the remaining trades break a rule", why));
    }
    com.fasterxml.jackson.databind.node.ArrayNode all = (com.fasterxml.jackson.databind.node.ArrayNode) body.path("trades");
    com.fasterxml.jackson.databind.node.ArrayNode remaining = Json.mapper().createArrayNode();
    com.fasterxml.jackson.databind.node.ArrayNode dropped = Json.mapper().createArrayNode();
    for (int i = 0; i < all.size(); i++) {
      (numbers.contains(i + 1) ? dropped : remaining).add(all.get(i));
    }
    body.set("trades", remaining);
    body.set("dropped_trades", dropped);
    body.put("dropped_by", actor);
    String text;
    try {
      text = Json.mapper().writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    proposals.replaceTrades(h, p.id(), text, remaining.size());
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("dropped", List.copyOf(numbers));
    state.put("dropped_trades", Json.mapper().convertValue(dropped, List.class));
    state.put("trades", remaining.size());
    audit.append(h, actor, "proposal.trades_dropped", "proposal", p.id(), p.household().value(), state);
    return Optional.empty();
  }

  /** Rejects a proposal (a person said no). */
  public Decision reject(String id, int version, String actor, String note) {
    return simple(id, version, ProposalStatus.REJECTED, "proposal.rejected", actor, note);
  }

  /** Vetoes an auto-mode proposal before its notice period ends; recorded as a rejection. */
  public Decision veto(String id, int version, String actor, String note) {
    return simple(id, version, ProposalStatus.REJECTED, "proposal.vetoed", actor, note == null ? "vetoed" : note);
  }

  /** Approves every auto-mode proposal whose notice period has passed (re-checked like any approval). */
  public List<Decision> approveDue(LocalDate today) {
    List<Decision> decisions = new ArrayList<>();
    for (StoredProposal p : proposals.dueForAutoApproval(now())) {
      decisions.add(approve(p.id(), p.version(), "system", today));
    }
    return decisions;
  }

  /**
   * Expires every proposal still waiting ({@code proposed}) that was made for a date more than
   * {@code maxAgeDays} before {@code today}: its books and prices are too old to act on. Each
   * expiry is audited and alerted. Returns how many expired.
   */
  public int expireStale(LocalDate today, int maxAgeDays) {
    LocalDate cutoff = today.minusDays(maxAgeDays);
    List<StoredProposal> stale = proposals.jdbi().withHandle(h -> h.createQuery(
            "SELECT * FROM proposal WHERE status = 'proposed' AND as_of < :cutoff ORDER BY as_of, id")
        .bind("cutoff", cutoff).map((rs, ctx) -> ProposalStore.row(rs)).list());
    int expired = 0;
    for (StoredProposal p : stale) {
      boolean done = proposals.jdbi().inTransaction(h -> {
        String now = now();
        String why = "made for " + p.asOf() + ", more than " + maxAgeDays + " days before " + today;
        if (!proposals.transition(h, p.id(), ProposalStatus.PROPOSED, p.version(), ProposalStatus.EXPIRED, "system", now,
            why, null)) {
          return false; // decided meanwhile
        }
        audit.append(h, "system", "proposal.expired", "proposal", p.id(), p.household().value(),
            Map.of("status", "expired", "why", why));
        alerts.raise(h, p.household().value(), dev.keel.store.alert.AlertKind.PROPOSAL_EXPIRED,
            "Proposal " + p.id() + " for " + p.household() + " expired: " + why, Map.of("proposal", p.id(), "why", why));
        return true;
      });
      if (done) {
        expired++;
      }
    }
    return expired;
  }

  private Decision simple(String id, int version, ProposalStatus to, String action, String actor, String note) {
    return guarded(id, () -> proposals.jdbi().inTransaction(h -> {
      Optional<StoredProposal> found = proposals.findForUpdate(h, id);
      if (found.isEmpty()) {
        return new Decision.NotFound();
      }
      Optional<Decision> refused = refuse(found.get(), version, to.code());
      return refused.isPresent() ? refused.get() : decide(h, found.get(), version, to, action, actor, note);
    }));
  }

  /** Runs a decision; one that lost a race (its transaction rolled back) answers with the winner's state. */
  private Decision guarded(String id, java.util.function.Supplier<Decision> decision) {
    try {
      return decision.get();
    } catch (ConcurrentDecision e) {
      StoredProposal current = proposals.find(id).orElseThrow();
      return new Decision.Conflict("proposal " + id + " was decided by someone else first; it is now "
          + current.status().code(), current);
    }
  }

  private Optional<Decision> refuse(StoredProposal p, int version, String what) {
    if (p.status() != ProposalStatus.PROPOSED) {
      return Optional.of(new Decision.Conflict("proposal " + p.id() + " is " + p.status().code() + "; only a proposed one can be "
          + what, p));
    }
    if (p.version() != version) {
      return Optional.of(new Decision.Conflict("proposal " + p.id() + " changed (version " + p.version() + ", the request named "
          + version + "); read it again", p));
    }
    return Optional.empty();
  }

  private Decision decide(Handle h, StoredProposal p, int version, ProposalStatus to, String action, String actor,
      String note) {
    String now = now();
    if (!proposals.transition(h, p.id(), ProposalStatus.PROPOSED, version, to, actor, now, note, null)) {
      throw new ConcurrentDecision();
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("status", to.code());
    state.put("version", version + 1);
    if (note != null) {
      state.put("note", note);
    }
    audit.append(h, actor, action, "proposal", p.id(), p.household().value(), state);
    return new Decision.Done(proposals.find(h, p.id()).orElseThrow());
  }

  /** Why a proposal no longer fits the household's books or prices, if it does not. */
  Optional<String> staleness(StoredProposal p, StoredHousehold current, LocalDate today) {
    if (!p.fingerprint().equals(current.fingerprint())) {
      return Optional.of("the household's books changed since the proposal was made (a transaction, the household or "
          + "its policy)");
    }
    JsonNode body;
    try {
      body = Json.mapper().readTree(p.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (JsonNode trade : body.path("trades")) {
      Symbol symbol = Symbol.of(trade.path("symbol").asText());
      BigDecimal then = new BigDecimal(trade.path("price").asText());
      Optional<BigDecimal> now = current.data().prices().find(symbol, today);
      if (now.isEmpty()) {
        return Optional.of(symbol + " has no price on " + today);
      }
      BigDecimal move = now.get().subtract(then).abs().divide(then, MathContext.DECIMAL64);
      if (move.compareTo(priceTolerance) > 0) {
        return Optional.of(symbol + " moved from " + then.toPlainString() + " to " + now.get().toPlainString()
            + ", more than the tolerance of " + priceTolerance.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
      }
    }
    return Optional.empty();
  }

  /** The alert a new proposal raises: ready (dry run), approval needed, or trading soon (auto). */
  private void raiseCreated(Handle h, StoredProposal row, Proposal proposal) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("proposal", row.id());
    details.put("as_of", row.asOf().toString());
    details.put("mode", row.mode().code());
    details.put("trades", row.tradeCount());
    details.put("summary", proposal.summary());
    details.put("estimated_tax", proposal.tax().estimatedTax());
    row.approveAfter().ifPresent(a -> details.put("approve_after", a));
    String household = row.household().value();
    switch (row.mode()) {
      case DRY_RUN -> alerts.raise(h, household, dev.keel.store.alert.AlertKind.PROPOSAL_READY,
          "Dry-run proposal for " + household + ": " + proposal.summary(), details);
      case APPROVE -> alerts.raise(h, household, dev.keel.store.alert.AlertKind.APPROVAL_NEEDED,
          "Proposal for " + household + " needs approval: " + proposal.summary(), details);
      case AUTO -> alerts.raise(h, household, dev.keel.store.alert.AlertKind.TRADING_SOON,
          "Proposal for " + household + " will be approved at " + row.approveAfter().orElse("?") + " unless vetoed: "
              + proposal.summary(), details);
    }
  }

  /**
   * The wash-sale risk alert: the proposal sells a lot at a loss that a purchase scheduled outside
   * Keel (harvest.scheduled) within 30 days will wash (the loss the proposal says is disallowed),
   * or a harvest carries a warning about such a purchase. Raised with the proposal, once.
   */
  private void raiseWashRisk(Handle h, StoredProposal row, Proposal proposal) {
    List<Map<String, Object>> sales = new ArrayList<>();
    BigDecimal washed = BigDecimal.ZERO;
    for (dev.keel.core.rebalance.Trade t : proposal.trades()) {
      for (dev.keel.core.rebalance.LotSale lot : t.lots()) {
        if (lot.disallowedLoss().signum() > 0) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("account", t.account().value());
          m.put("symbol", t.symbol().value());
          m.put("lot_id", lot.lotId().value());
          m.put("disallowed_loss", lot.disallowedLoss());
          sales.add(m);
          washed = washed.add(lot.disallowedLoss());
        }
      }
    }
    List<String> warnings = new ArrayList<>();
    proposal.harvests().forEach(hv -> warnings.addAll(hv.warnings()));
    if (sales.isEmpty() && warnings.isEmpty()) {
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("proposal", row.id());
    details.put("as_of", row.asOf().toString());
    details.put("sales", sales);
    details.put("disallowed_loss", washed);
    details.put("warnings", warnings);
    String household = row.household().value();
    alerts.raise(h, household, dev.keel.store.alert.AlertKind.WASH_SALE_RISK,
        "Proposal for " + household + " on " + row.asOf() + ": a scheduled purchase within 30 days would wash "
            + (sales.isEmpty() ? "a harvested loss" : "$" + washed.toPlainString() + " of the losses it sells"), details);
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** Another writer changed the proposal between our read and our write: the transaction rolls back. */
  static final class ConcurrentDecision extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
