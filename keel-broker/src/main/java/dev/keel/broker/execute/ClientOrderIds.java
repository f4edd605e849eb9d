package dev.keel.broker.execute;

import dev.keel.broker.OrderRequest;

/**
 * Keel's client order ids: {@code keel-<proposal>-t<trade>-a<attempt>}, e.g.
 * {@code keel-3fa9c01b2d4e-t7-a1} (at most 37 characters for 999 trades and 999 attempts, inside
 * the 48 Alpaca's older documents allow). The proposal, the trade and the attempt determine the id,
 * so a crashed run finds its orders again; a new attempt (after a cancel, an expiry or a rejection)
 * gets a new number, so an id is never used twice.
 */
public final class ClientOrderIds {

  private ClientOrderIds() {}

  public static String of(ProposalId proposal, int trade, int attempt) {
    if (trade < 1 || attempt < 1) {
      throw new IllegalArgumentException("trade and attempt start at 1: " + trade + ", " + attempt);
    }
    String id = "keel-" + proposal.value() + "-t" + trade + "-a" + attempt;
    if (id.length() > OrderRequest.MAX_CLIENT_ORDER_ID) {
      throw new IllegalArgumentException("client order id longer than 48 characters: " + id);
    }
    return id;
  }
}
