package dev.keel.core.rebalance;

import dev.keel.core.security.AssetClass;

/**
 * One asset class as the program sees it, in dollars.
 *
 * @param value current market value (held-away and restricted holdings included)
 * @param goal target weight × the investable total
 * @param low lower edge of the zone the class should end in, dollars
 * @param high upper edge of that zone, dollars
 * @param bandLow lower band edge, dollars; {@code bandHigh} likewise
 * @param breached outside its band before the proposal
 * @param sellable the proposal may sell it (above its goal and a sale is allowed)
 * @param buyable the proposal may buy it (below its goal)
 */
record ClassPlan(AssetClass assetClass, double target, double value, double goal, double low, double high,
    double bandLow, double bandHigh, double halfLow, double halfHigh, boolean breached, boolean sellable, boolean buyable) {}
