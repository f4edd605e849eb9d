package dev.keel.store.alert;

/**
 * A delivery due to be sent: the alert's content and the channel's address. {@code secret} signs
 * webhook bodies; {@link #toString()} leaves it out so it never reaches a log.
 */
public record Delivery(String id, int attempts, String alertId, String householdId, String kind, String subject,
    String body, String channelKind, String target, String secret) {

  @Override
  public String toString() {
    return "Delivery[id=" + id + ", attempts=" + attempts + ", alert=" + alertId + ", kind=" + kind + ", channel="
        + channelKind + " " + target + "]";
  }
}
