/**
 * Where latest prices come from, with their time and origin: prices.csv ({@link
 * dev.keel.broker.price.PriceTableSource}) and a broker's latest trades ({@link
 * dev.keel.broker.alpaca.AlpacaBroker}); and the atomic append of fetched prices to prices.csv
 * ({@link dev.keel.broker.price.PricesCsvAppender}) for a daily scan.
 */
package dev.keel.broker.price;
