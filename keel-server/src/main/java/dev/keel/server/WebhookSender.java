package dev.keel.server;

import dev.keel.store.alert.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts an alert's JSON to a webhook. The body is signed with the channel's secret:
 * {@code X-Keel-Signature: sha256=HEX(HMAC-SHA256(secret, body))}, so the receiver can check that
 * Keel sent it and nobody changed it. Any 2xx answer is delivered; anything else is an error to
 * retry.
 */
public final class WebhookSender {

  public static final String SIGNATURE_HEADER = "X-Keel-Signature";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Empty when delivered, else why not (never containing the secret). */
  public Optional<String> send(Delivery d) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(d.target()))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header("X-Keel-Alert", d.alertId())
          .header("X-Keel-Alert-Kind", d.kind())
          .header(SIGNATURE_HEADER, "sha256=" + sign(d.secret() == null ? "" : d.secret(), d.body()))
          .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8))
          .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + response.statusCode());
    } catch (IOException | IllegalArgumentException e) {
      return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /** HMAC-SHA256 of the body with the secret, in lower-case hex. */
  public static String sign(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.isEmpty() ? new byte[1] : secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
