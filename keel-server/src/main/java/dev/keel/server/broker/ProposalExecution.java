package dev.keel.server.broker;

import dev.keel.broker.config.BrokerKind;
import dev.keel.broker.config.BrokerLink;
import dev.keel.broker.config.BrokerLinksLoader;
import dev.keel.broker.execute.BrokerRoute;
import dev.keel.broker.execute.ExecutionPlan;
import dev.keel.broker.execute.ExecutionPolicy;
import dev.keel.broker.execute.ExecutionResult;
import dev.keel.broker.execute.Executor;
import dev.keel.broker.file.PlanFiles;
import dev.keel.core.household.AccountId;
import dev.keel.core.problem.InvalidInputException;
import dev.keel.core.problem.Problem;
import dev.keel.io.read.HouseholdFolderLoader;
import dev.keel.io.read.Loaded;
import dev.keel.store.Store;
import dev.keel.store.proposal.ExecutionLocks;
import dev.keel.store.proposal.ProposalStatus;
import dev.keel.store.proposal.StoredProposal;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trades an approved proposal through the brokers of its accounts, exactly once: the proposal
 * goes {@code approved → submitted} before the first order, the executor journals every step and
 * broker answer in the database (audited) and books fills as stored transactions, and the
 * proposal ends {@code executed}, {@code partly_executed} or {@code failed}. A proposal left
 * {@code submitted} (a crash, or orders still working) is resumed by executing it again: the
 * executor looks every order up by its client order id before it places anything.
 */
public final class ProposalExecution {

  /** Why a proposal cannot be executed now (its status). */
  public static final class NotExecutable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotExecutable(String message) {
      super(message);
    }
  }

  private final Store store;
  private final BrokerConnector brokers;
  private final ExecutionPolicy policy;
  private final ExecutionLocks locks;

  /**
   * How long an execution's lock lasts unless released: longer than any execution (each account
   * waits at most the policy's fill wait), short enough that a server killed mid-execution frees
   * the proposal the same day. The lock is released as soon as the execution ends.
   */
  static final Duration LEASE = Duration.ofHours(1);

  public ProposalExecution(Store store, BrokerConnector brokers, ExecutionPolicy policy) {
    this.store = store;
    this.brokers = brokers;
    this.policy = policy;
    this.locks = new ExecutionLocks(store.database().jdbi());
  }

  /** The outcome: the proposal as it now stands and what the executor did. */
  public record Outcome(StoredProposal proposal, ExecutionResult result) {}

  /**
   * Executes (or resumes) the proposal.
   *
   * @throws NotExecutable when it is neither approved nor submitted
   * @throws InvalidInputException when an account it trades has no broker the server can reach
   */
  public Outcome execute(StoredProposal requested, String actor) {
    // One execution at a time per proposal: a second call while one runs is refused, not run beside it.
    ExecutionLocks.Result lock = locks.acquire(requested.id(), actor, Instant.now(store.clock()), LEASE);
    if (lock.held().isEmpty()) {
      ExecutionLocks.Holder h = lock.holder().orElseThrow();
      throw new NotExecutable("proposal " + requested.id() + " is being executed (started " + h.acquiredAt() + " by "
          + h.holder() + "); nothing more was placed: run it again once that execution has ended");
    }
    try {
      // Read again under the lock: an execution that ended just before this one changed the status.
      return run(store.proposals().store().find(requested.id()).orElseThrow(), actor);
    } finally {
      locks.release(lock.held().get());
    }
  }

  private Outcome run(StoredProposal proposal, String actor) {
    if (proposal.status() != ProposalStatus.APPROVED && proposal.status() != ProposalStatus.SUBMITTED) {
      throw new NotExecutable("proposal " + proposal.id() + " is " + proposal.status().code()
          + "; only an approved proposal is executed (or a submitted one resumed)");
    }
    Loaded<ExecutionPlan> plan = PlanFiles.proposal("proposal " + proposal.id(), proposal.body());
    if (!plan.ok()) {
      throw new InvalidInputException(plan.problems());
    }
    Map<AccountId, BrokerRoute> routes = routes(proposal, plan.value().get());
    if (proposal.status() == ProposalStatus.APPROVED) {
      move(proposal.id(), ProposalStatus.APPROVED, ProposalStatus.SUBMITTED, actor, Map.of());
    }
    ExecutionResult result = new Executor(
        new DatabaseExecutionStore(store.executions(), proposal.household(), actor),
        new DatabaseLedgerSink(store.executions(), proposal.household(), plan.value().get().id(), actor),
        policy, store.clock(), d -> Thread.sleep(d.toMillis()))
        .execute(plan.value().get(), routes);
    Optional<ProposalStatus> end = switch (result.status()) {
      case EXECUTED -> Optional.of(ProposalStatus.EXECUTED);
      case PARTLY_EXECUTED -> Optional.of(ProposalStatus.PARTLY_EXECUTED);
      case NOT_EXECUTED -> Optional.of(ProposalStatus.FAILED);
      case IN_PROGRESS -> Optional.empty();
    };
    if (end.isPresent()) {
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("booked_fills", result.booked());
      state.put("trades", result.trades().stream().map(t -> t.trade().describe() + ": " + t.status().name().toLowerCase(
          java.util.Locale.ROOT) + " " + t.filled().toPlainString()).toList());
      if (!result.halted().isEmpty()) {
        state.put("halted", result.halted());
      }
      move(proposal.id(), ProposalStatus.SUBMITTED, end.get(), actor, state);
    }
    return new Outcome(store.proposals().store().find(proposal.id()).orElseThrow(), result);
  }

  /** Each traded account's broker; every account without one reachable is a problem, all reported before any order. */
  private Map<AccountId, BrokerRoute> routes(StoredProposal proposal, ExecutionPlan plan) {
    String yaml = store.households().export(proposal.household()).orElseThrow().find(HouseholdFolderLoader.HOUSEHOLD)
        .orElseThrow();
    var data = store.households().load(proposal.household(), proposal.asOf()).orElseThrow().data();
    Loaded<Map<AccountId, BrokerLink>> links = BrokerLinksLoader.load(HouseholdFolderLoader.HOUSEHOLD,
        new StringReader(yaml), data.household());
    if (!links.ok()) {
      throw new InvalidInputException(links.problems());
    }
    List<Problem> problems = new ArrayList<>();
    Map<AccountId, BrokerRoute> routes = new LinkedHashMap<>();
    for (AccountId account : plan.accounts()) {
      BrokerLink link = links.value().get().get(account);
      if (link == null || link.kind() != BrokerKind.ALPACA) {
        problems.add(new Problem(HouseholdFolderLoader.HOUSEHOLD, 0, "accounts[" + account + "].broker",
            link == null ? null : link.kind().name().toLowerCase(java.util.Locale.ROOT),
            "the proposal trades account " + account + ", which has no broker the server can trade through; "
                + "expected broker: alpaca (an order-file account is traded with keel execute)"));
        continue;
      }
      try {
        routes.put(account, new BrokerRoute(brokers.connect(link), link.honoursLots())
            .withReserve(data.household().getAccount(account).reserve()));
      } catch (BrokerConnector.BrokerUnavailable e) {
        problems.add(new Problem(HouseholdFolderLoader.HOUSEHOLD, 0, "accounts[" + account + "].broker", "alpaca",
            e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return routes;
  }

  private void move(String id, ProposalStatus from, ProposalStatus to, String actor, Map<String, Object> details) {
    store.database().jdbi().useTransaction(h -> {
      StoredProposal current = store.proposals().store().findForUpdate(h, id).orElseThrow();
      String now = Instant.now(store.clock()).truncatedTo(ChronoUnit.MILLIS).toString();
      if (current.status() != from || !store.proposals().store().transition(h, id, from, current.version(), to, actor, now,
          null, null)) {
        throw new NotExecutable("proposal " + id + " is " + current.status().code() + ", not " + from.code()
            + "; another execution changed it");
      }
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("status", to.code());
      state.put("version", current.version() + 1);
      state.putAll(details);
      store.audit().append(h, actor, "proposal." + to.code(), "proposal", id, current.household().value(), state);
    });
  }
}
