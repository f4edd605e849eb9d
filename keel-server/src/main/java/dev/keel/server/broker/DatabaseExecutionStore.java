package dev.keel.server.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.keel.broker.execute.ExecutionEvent;
import dev.keel.broker.execute.ExecutionStore;
import dev.keel.broker.execute.ProposalId;
import dev.keel.store.household.ExecutionRecords;
import dev.keel.store.household.HouseholdId;
import java.util.ArrayList;
import java.util.List;

/**
 * The executor's journal in the database: each event committed (and audited) before
 * {@link #append} returns, so the executor resumes from it after a restart of the server.
 */
public final class DatabaseExecutionStore implements ExecutionStore {

  static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final ExecutionRecords records;
  private final HouseholdId household;
  private final String actor;

  public DatabaseExecutionStore(ExecutionRecords records, HouseholdId household, String actor) {
    this.records = records;
    this.household = household;
    this.actor = actor;
  }

  @Override
  public List<ExecutionEvent> events(ProposalId proposal) {
    List<ExecutionEvent> out = new ArrayList<>();
    for (String json : records.events(proposal.value())) {
      try {
        out.add(JSON.readValue(json, ExecutionEvent.class));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("execution journal of " + proposal.value() + " holds an unreadable event", e);
      }
    }
    return out;
  }

  @Override
  public void append(ProposalId proposal, ExecutionEvent event) {
    try {
      records.append(household, proposal.value(), event.type().name(), JSON.writeValueAsString(event), actor);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an execution event could not be written as JSON", e);
    }
  }
}
