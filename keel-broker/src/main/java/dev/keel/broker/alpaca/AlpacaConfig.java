package dev.keel.broker.alpaca;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where and as whom to reach Alpaca. Read from the environment variables Alpaca's SDKs read:
 * {@code APCA_API_KEY_ID}, {@code APCA_API_SECRET_KEY}, {@code APCA_API_BASE_URL} (default the
 * paper endpoint) and {@code APCA_API_DATA_URL} (default the market data endpoint).
 *
 * <p>Paper trading is the default; a live endpoint is refused unless the caller explicitly allows
 * live trading ({@code keel execute --broker alpaca-live}).
 *
 * @param requestTimeout how long one HTTP request may take before its outcome counts as unknown
 * @param requestsPerMinute the client-side pace (Alpaca allows 200 per minute per account)
 */
public record AlpacaConfig(URI tradingUrl, URI dataUrl, String keyId, Secret secret, boolean live, Duration requestTimeout,
    int requestsPerMinute) {

  public static final URI PAPER = URI.create("https://paper-api.alpaca.markets");
  public static final URI LIVE = URI.create("https://api.alpaca.markets");
  public static final URI DATA = URI.create("https://data.alpaca.markets");
  public static final int RATE_LIMIT = 200;

  public AlpacaConfig {
    Objects.requireNonNull(tradingUrl, "tradingUrl");
    Objects.requireNonNull(dataUrl, "dataUrl");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestsPerMinute <= 0) {
      throw new IllegalArgumentException("requestsPerMinute must be positive: " + requestsPerMinute);
    }
    tradingUrl = stripSlash(tradingUrl);
    dataUrl = stripSlash(dataUrl);
  }

  /**
   * The configuration from environment variables.
   *
   * @param allowLive whether the caller explicitly asked for live trading
   * @throws IllegalArgumentException naming every missing or refused variable (never its value)
   */
  public static AlpacaConfig fromEnvironment(Map<String, String> env, boolean allowLive) {
    List<String> problems = new ArrayList<>();
    String keyId = env.getOrDefault("APCA_API_KEY_ID", "").trim();
    String secret = env.getOrDefault("APCA_API_SECRET_KEY", "").trim();
    if (keyId.isEmpty()) {
      problems.add("APCA_API_KEY_ID is not set");
    }
    if (secret.isEmpty()) {
      problems.add("APCA_API_SECRET_KEY is not set");
    }
    String base = env.getOrDefault("APCA_API_BASE_URL", "").trim();
    URI trading = base.isEmpty() ? (allowLive ? LIVE : PAPER) : parse("APCA_API_BASE_URL", base, problems);
    String data = env.getOrDefault("APCA_API_DATA_URL", "").trim();
    URI dataUrl = data.isEmpty() ? DATA : parse("APCA_API_DATA_URL", data, problems);
    boolean live = trading != null && isLive(trading);
    if (live && !allowLive) {
      problems.add("APCA_API_BASE_URL points at the live endpoint; live trading needs --broker alpaca-live");
    }
    if (allowLive && trading != null && !live) {
      problems.add("--broker alpaca-live was asked for but APCA_API_BASE_URL is not the live endpoint " + LIVE);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new AlpacaConfig(trading, dataUrl, keyId, Secret.of(secret), live, Duration.ofSeconds(10), RATE_LIMIT);
  }

  /** A configuration for a test server: paper, the given URL for both APIs. */
  public static AlpacaConfig forTest(URI url, String keyId, String secret) {
    return new AlpacaConfig(url, url, keyId, Secret.of(secret), false, Duration.ofSeconds(5), RATE_LIMIT);
  }

  public AlpacaConfig withRequestTimeout(Duration timeout) {
    return new AlpacaConfig(tradingUrl, dataUrl, keyId, secret, live, timeout, requestsPerMinute);
  }

  public AlpacaConfig withRequestsPerMinute(int perMinute) {
    return new AlpacaConfig(tradingUrl, dataUrl, keyId, secret, live, requestTimeout, perMinute);
  }

  private static boolean isLive(URI uri) {
    return LIVE.getHost().equalsIgnoreCase(uri.getHost());
  }

  private static URI parse(String name, String text, List<String> problems) {
    try {
      URI uri = URI.create(text);
      if (uri.getScheme() == null || uri.getHost() == null) {
        problems.add(name + " is not an http(s) URL");
        return null;
      }
      return uri;
    } catch (IllegalArgumentException e) {
      problems.add(name + " is not a URL");
      return null;
    }
  }

  private static URI stripSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
  }

  /** Never shows the secret (records print every component otherwise). */
  @Override
  public String toString() {
    return "AlpacaConfig[" + tradingUrl + (live ? " LIVE" : " paper") + "]";
  }
}
