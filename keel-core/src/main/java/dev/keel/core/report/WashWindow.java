package dev.keel.core.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The wash-sale calendar of one group of substantially identical securities, across the household.
 *
 * @param symbols the group's securities that the household holds or traded
 * @param lossSaleWashedThrough a loss sale on or before this date would be washed by a purchase made
 *     in the 30 days before it (in any account), or by one scheduled outside Keel in the 30 days
 *     before or after the as-of date; empty when there is no such purchase
 * @param lastPurchase the purchase that sets {@code lossSaleWashedThrough}
 * @param purchaseWashesThrough a purchase on or before this date would wash a loss sold in the last
 *     30 days whose shares are not yet matched with replacements; empty when there is none
 * @param lastLossSale the loss sale that sets {@code purchaseWashesThrough}
 */
public record WashWindow(
    String group,
    List<String> symbols,
    Optional<LocalDate> lossSaleWashedThrough,
    Optional<String> lastPurchase,
    Optional<LocalDate> purchaseWashesThrough,
    Optional<String> lastLossSale) {}
