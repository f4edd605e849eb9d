package dev.keel.broker.execute;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One journal entry: a step of the execution or a broker's answer, as it happened. Fields a type
 * does not use are null. The journal is the audit trail: nothing is ever rewritten.
 *
 * @param trade the trade's index in the plan
 * @param quantity the order's quantity (SUBMITTING), or the fill's (FILL)
 * @param filledQuantity what the broker reports as filled (ACKNOWLEDGED, ORDER_STATE)
 * @param price limit price (SUBMITTING), execution price (FILL), or the latest price (HALTED, SKIPPED)
 * @param httpStatus the broker's HTTP status for a refusal
 * @param fills fill ids (BOOKED)
 * @param lotId the lot the broker reports a sale's fill relieved (FILL), when it reports one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionEvent(EventType type, Instant at, Integer trade, String account, String clientOrderId,
    String orderId, String status, String side, String symbol, String orderType, BigDecimal quantity,
    BigDecimal filledQuantity, BigDecimal price, BigDecimal fees, String fillId, Instant fillTime, Integer httpStatus,
    String reason, List<String> fills, String lotId) {

  public ExecutionEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
  }

  static Builder of(EventType type, Instant at) {
    return new Builder(type, at);
  }

  /** Builds an event field by field (most types use a handful of the fields). */
  static final class Builder {
    private final EventType type;
    private final Instant at;
    private Integer trade;
    private String account;
    private String clientOrderId;
    private String orderId;
    private String status;
    private String side;
    private String symbol;
    private String orderType;
    private BigDecimal quantity;
    private BigDecimal filledQuantity;
    private BigDecimal price;
    private BigDecimal fees;
    private String fillId;
    private Instant fillTime;
    private Integer httpStatus;
    private String reason;
    private List<String> fills;
    private String lotId;

    private Builder(EventType type, Instant at) {
      this.type = type;
      this.at = at;
    }

    Builder trade(PlannedTrade t) {
      this.trade = t.index();
      this.account = t.account().value();
      this.side = t.side().code();
      this.symbol = t.symbol().value();
      return this;
    }

    Builder account(String value) {
      this.account = value;
      return this;
    }

    Builder symbol(String value) {
      this.symbol = value;
      return this;
    }

    Builder clientOrderId(String value) {
      this.clientOrderId = value;
      return this;
    }

    Builder orderId(String value) {
      this.orderId = value;
      return this;
    }

    Builder status(String value) {
      this.status = value;
      return this;
    }

    Builder orderType(String value) {
      this.orderType = value;
      return this;
    }

    Builder quantity(BigDecimal value) {
      this.quantity = value;
      return this;
    }

    Builder filledQuantity(BigDecimal value) {
      this.filledQuantity = value;
      return this;
    }

    Builder price(BigDecimal value) {
      this.price = value;
      return this;
    }

    Builder fees(BigDecimal value) {
      this.fees = value;
      return this;
    }

    Builder fill(String id, Instant time) {
      this.fillId = id;
      this.fillTime = time;
      return this;
    }

    Builder httpStatus(int value) {
      this.httpStatus = value;
      return this;
    }

    Builder reason(String value) {
      this.reason = value;
      return this;
    }

    Builder lot(String value) {
      this.lotId = value;
      return this;
    }

    Builder fills(List<String> value) {
      this.fills = List.copyOf(value);
      return this;
    }

    ExecutionEvent build() {
      return new ExecutionEvent(type, at, trade, account, clientOrderId, orderId, status, side, symbol, orderType, quantity,
          filledQuantity, price, fees, fillId, fillTime, httpStatus, reason, fills, lotId);
    }
  }
}
