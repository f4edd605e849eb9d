package dev.keel.store;

import dev.keel.core.engine.HouseholdEngine;
import dev.keel.store.access.UserStore;
import dev.keel.store.alert.AlertStore;
import dev.keel.store.audit.AuditLog;
import dev.keel.store.household.ExecutionRecords;
import dev.keel.store.household.HouseholdStore;
import dev.keel.store.household.StatementImports;
import dev.keel.store.proposal.ProposalService;
import dev.keel.store.proposal.ProposalStore;
import dev.keel.store.scan.Scanner;
import java.math.BigDecimal;
import java.time.Clock;

/** The repositories and services over one database, wired with one engine and one clock. */
public final class Store {

  /** Default largest price move between a proposal and its approval: 2%. */
  public static final BigDecimal DEFAULT_PRICE_TOLERANCE = new BigDecimal("0.02");

  private final Database database;
  private final Clock clock;
  private final AuditLog audit;
  private final HouseholdStore households;
  private final UserStore users;
  private final ProposalService proposals;
  private final Scanner scanner;
  private final AlertStore alerts;
  private final StatementImports statements;
  private final ExecutionRecords executions;

  public Store(Database database, HouseholdEngine engine, Clock clock, BigDecimal priceTolerance, String worker) {
    this.database = database;
    this.clock = clock;
    this.audit = new AuditLog(clock);
    this.households = new HouseholdStore(database.jdbi(), engine, audit, clock);
    this.users = new UserStore(database.jdbi(), audit, clock);
    this.alerts = new AlertStore(database.jdbi(), clock);
    this.proposals = new ProposalService(households, new ProposalStore(database.jdbi()), engine, audit, clock,
        priceTolerance, alerts);
    this.statements = new StatementImports(database.jdbi(), households,
        new dev.keel.imports.booking.ImportService(engine, new dev.keel.imports.booking.Reconciler(engine)), audit);
    this.executions = new ExecutionRecords(database.jdbi(), households, audit);
    this.scanner = new Scanner(database.jdbi(), households, proposals, engine, audit, clock, worker, alerts);
  }

  public Store(Database database, HouseholdEngine engine, Clock clock) {
    this(database, engine, clock, DEFAULT_PRICE_TOLERANCE, "keel-" + ProcessHandle.current().pid());
  }

  public Database database() {
    return database;
  }

  public Clock clock() {
    return clock;
  }

  public AuditLog audit() {
    return audit;
  }

  public HouseholdStore households() {
    return households;
  }

  public UserStore users() {
    return users;
  }

  public ProposalService proposals() {
    return proposals;
  }

  public AlertStore alerts() {
    return alerts;
  }

  /** Brokerage statements imported into stored households. */
  public StatementImports statements() {
    return statements;
  }

  /** Execution journals and booked fills. */
  public ExecutionRecords executions() {
    return executions;
  }

  public Scanner scanner() {
    return scanner;
  }
}
