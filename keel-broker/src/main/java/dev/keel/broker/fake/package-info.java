/**
 * A fake Alpaca on loopback HTTP for tests, benchmarks and trying {@code keel execute} without an
 * account: the endpoints Keel uses, with Alpaca's request and response fields, status codes and
 * error bodies ({@code {"code": ..., "message": ...}}) as its published API reference describes
 * them, and fills, partial fills, rejections, 429 rate limits and 5xx errors on demand. Written
 * for Keel from the documentation; not Alpaca's code.
 */
package dev.keel.broker.fake;
