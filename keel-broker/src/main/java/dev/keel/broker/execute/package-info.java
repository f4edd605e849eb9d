/**
 * Trading a proposal exactly once. An {@link dev.keel.broker.execute.ExecutionPlan} (from a
 * proposal or an order file) is traded by the {@link dev.keel.broker.execute.Executor} through a
 * {@link dev.keel.broker.Broker} per account; every step is written ahead to an
 * {@link dev.keel.broker.execute.ExecutionStore} (a journal file beside the household folder, or
 * the server's database), so that a crash at any point resumes from the journal and the broker's
 * own state, never placing a second order for one trade and never forgetting one. Fills become
 * ledger transactions through a {@link dev.keel.broker.execute.LedgerSink}.
 */
package dev.keel.broker.execute;
