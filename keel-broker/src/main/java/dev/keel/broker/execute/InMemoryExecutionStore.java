package dev.keel.broker.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A journal held in memory: for tests and benchmarks (a crash loses it, so never for real trading). */
public final class InMemoryExecutionStore implements ExecutionStore {

  private final Map<ProposalId, List<ExecutionEvent>> events = new ConcurrentHashMap<>();

  @Override
  public List<ExecutionEvent> events(ProposalId proposal) {
    List<ExecutionEvent> list = events.get(proposal);
    if (list == null) {
      return List.of();
    }
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  @Override
  public void append(ProposalId proposal, ExecutionEvent event) {
    List<ExecutionEvent> list = events.computeIfAbsent(proposal, k -> new ArrayList<>());
    synchronized (list) {
      list.add(event);
    }
  }
}
