/**
 * The Alpaca Trading API v2 adapter on {@link java.net.http.HttpClient} and Jackson. Field names,
 * status codes and error bodies follow Alpaca's published API reference: orders
 * ({@code POST /v2/orders}, {@code GET /v2/orders:by_client_order_id}, {@code GET /v2/orders?status=open},
 * {@code DELETE /v2/orders/{id}}), {@code GET /v2/account}, {@code GET /v2/positions},
 * {@code GET /v2/assets/{symbol}}, {@code GET /v2/account/activities/FILL} and the market data
 * latest trades ({@code GET /v2/stocks/trades/latest}).
 *
 * <p>Credentials come from the environment variables Alpaca's own SDKs read and never reach a
 * log, an exception message or a file.
 */
package dev.keel.broker.alpaca;
