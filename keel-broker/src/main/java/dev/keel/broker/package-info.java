/**
 * What Keel needs from a broker, whatever the broker: the account, its positions, orders placed
 * under a client order id, their fills, latest prices and what an asset allows. Adapters live in
 * {@code alpaca} (Alpaca Trading API v2) and {@code file} (an order file out, a fills file back);
 * {@code execute} trades a proposal through any of them exactly once.
 *
 * <p>Money and quantities are {@link java.math.BigDecimal} exactly as the broker sent them; nothing
 * here rounds.
 */
package dev.keel.broker;
