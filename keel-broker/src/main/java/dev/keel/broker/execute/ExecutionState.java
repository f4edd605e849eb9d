package dev.keel.broker.execute;

import dev.keel.broker.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the journal says so far, folded event by event: each trade's attempts (client order id,
 * broker order id, status, filled quantity), fills seen and booked, skipped trades and halted
 * accounts. Rebuilt from the journal on every run, so a crash loses nothing that was journaled.
 */
final class ExecutionState {

  /** The status of a SKIPPED event whose reason ends by itself (a later run places the trade). */
  static final String WAITING = "waiting";

  /** One order placed (or about to be placed) for a trade. */
  static final class Attempt {
    final int number;
    final String clientOrderId;
    final BigDecimal quantity;
    final ExecutionEvent submitted;
    String orderId;
    OrderStatus status;
    BigDecimal filled = BigDecimal.ZERO;
    boolean acknowledged;
    boolean rejected;
    boolean inDoubt;
    String reason;

    Attempt(int number, ExecutionEvent submitted) {
      this.number = number;
      this.clientOrderId = submitted.clientOrderId();
      this.quantity = submitted.quantity();
      this.submitted = submitted;
    }

    /** Still working at the broker: acknowledged and not final. */
    boolean working() {
      return acknowledged && !finished();
    }

    /** Nothing more can happen to it: refused, or final at the broker. */
    boolean finished() {
      return rejected || (acknowledged && status != null && status.terminal());
    }

    /** Placed and not known to the broker yet, or its outcome is unknown. */
    boolean unresolved() {
      return !acknowledged && !rejected;
    }
  }

  private Instant started;
  private final Map<Integer, List<Attempt>> attempts = new HashMap<>();
  private final Map<String, Attempt> byClientId = new HashMap<>();
  private final Map<String, Attempt> byOrderId = new HashMap<>();
  private final Map<String, Integer> tradeOfClientId = new HashMap<>();
  private final Map<Integer, String> skipped = new HashMap<>();
  private final Set<Integer> waiting = new java.util.HashSet<>();
  private final Map<String, String> halted = new LinkedHashMap<>();
  private final Map<String, ExecutionEvent> fills = new LinkedHashMap<>();
  private final Set<String> booked = new LinkedHashSet<>();

  static ExecutionState replay(List<ExecutionEvent> events) {
    ExecutionState state = new ExecutionState();
    events.forEach(state::apply);
    return state;
  }

  void apply(ExecutionEvent e) {
    switch (e.type()) {
      case PLANNED -> started = started == null ? e.at() : started;
      case SUBMITTING -> {
        List<Attempt> list = attempts.computeIfAbsent(e.trade(), k -> new ArrayList<>());
        Attempt existing = byClientId.get(e.clientOrderId());
        if (existing == null) {
          Attempt a = new Attempt(list.size() + 1, e);
          list.add(a);
          byClientId.put(e.clientOrderId(), a);
          tradeOfClientId.put(e.clientOrderId(), e.trade());
        }
        skipped.remove(e.trade());
        waiting.remove(e.trade());
      }
      case ACKNOWLEDGED, ORDER_STATE -> attempt(e).ifPresent(a -> {
        a.acknowledged = true;
        a.inDoubt = false;
        a.orderId = e.orderId();
        a.status = OrderStatus.parse(e.status());
        a.filled = e.filledQuantity() == null ? a.filled : e.filledQuantity();
        byOrderId.put(e.orderId(), a);
      });
      case REJECTED -> attempt(e).ifPresent(a -> {
        a.rejected = true;
        a.inDoubt = false;
        a.reason = e.reason();
      });
      case IN_DOUBT -> attempt(e).ifPresent(a -> {
        a.inDoubt = true;
        a.reason = e.reason();
      });
      case CANCEL_REQUESTED -> { }
      case FILL -> fills.putIfAbsent(e.fillId(), e);
      case BOOKED -> booked.addAll(e.fills());
      case SKIPPED -> {
        skipped.put(e.trade(), e.reason());
        if (WAITING.equals(e.status())) {
          waiting.add(e.trade());
        } else {
          waiting.remove(e.trade());
        }
      }
      case HALTED -> halted.putIfAbsent(e.account(), e.reason());
      default -> throw new IllegalStateException("unknown event " + e.type());
    }
  }

  private Optional<Attempt> attempt(ExecutionEvent e) {
    return Optional.ofNullable(e.clientOrderId()).map(byClientId::get);
  }

  boolean planned() {
    return started != null;
  }

  Instant started() {
    return started;
  }

  List<Attempt> attempts(int trade) {
    return attempts.getOrDefault(trade, List.of());
  }

  Optional<Attempt> last(int trade) {
    List<Attempt> list = attempts(trade);
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
  }

  Optional<Attempt> byOrderId(String orderId) {
    return Optional.ofNullable(byOrderId.get(orderId));
  }

  Optional<Integer> tradeOf(String clientOrderId) {
    return Optional.ofNullable(tradeOfClientId.get(clientOrderId));
  }

  /** Shares filled over every attempt of a trade, as the broker last reported. */
  BigDecimal filled(int trade) {
    return attempts(trade).stream().map(a -> a.filled).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  Optional<String> skipped(int trade) {
    return Optional.ofNullable(skipped.get(trade));
  }

  /** Whether the trade was last held back for a reason that ends by itself. */
  boolean waiting(int trade) {
    return waiting.contains(trade);
  }

  Optional<String> halted(String account) {
    return Optional.ofNullable(halted.get(account));
  }

  Map<String, ExecutionEvent> fills() {
    return fills;
  }

  boolean hasFill(String fillId) {
    return fills.containsKey(fillId);
  }

  Set<String> booked() {
    return booked;
  }
}
