package dev.keel.testkit.generate;

/**
 * How big a household {@link HouseholdGenerator} makes. Every count is exact: the generated
 * household has exactly this many accounts, securities, asset classes, opening lots and
 * transactions.
 *
 * @param accounts accounts of the household, 1 to 8: a taxable account first, then a traditional
 *     (401(k) or IRA), a Roth and an HSA, then a spouse's taxable account and further retirement
 *     accounts; from five accounts on, the last is sometimes held away (not tradable)
 * @param securities securities listed in the policy, 5 to 30; a held-away company-stock account
 *     takes one of them
 * @param assetClasses asset classes with a target, 3 to 6 and at most {@code securities}: always
 *     us_stocks, intl_stocks and bonds, then some of reits, small_cap, emerging and tips
 * @param lots opening lots, 1 to 1,000
 * @param transactions transactions dated in the 45 days up to the as-of date (loss sales, other
 *     sales, buys, reinvested dividends, dividends, interest, deposits), 0 to 500
 * @param historyYears how far back prices and opening lots go, 1 to 10 years
 */
public record GeneratorSettings(int accounts, int securities, int assetClasses, int lots, int transactions, int historyYears) {

  public static final int MAX_ACCOUNTS = 8;
  public static final int MIN_SECURITIES = 5;
  public static final int MAX_SECURITIES = 30;
  public static final int MIN_ASSET_CLASSES = 3;
  public static final int MAX_ASSET_CLASSES = 6;
  public static final int MAX_LOTS = 1_000;
  public static final int MAX_TRANSACTIONS = 500;
  public static final int MAX_HISTORY_YEARS = 10;

  public GeneratorSettings {
    requireBetween("accounts", accounts, 1, MAX_ACCOUNTS);
    requireBetween("securities", securities, MIN_SECURITIES, MAX_SECURITIES);
    requireBetween("assetClasses", assetClasses, MIN_ASSET_CLASSES, MAX_ASSET_CLASSES);
    if (assetClasses > securities) {
      throw new IllegalArgumentException(
          "assetClasses must not exceed securities (each class needs a security): " + assetClasses + " > " + securities);
    }
    requireBetween("lots", lots, 1, MAX_LOTS);
    requireBetween("transactions", transactions, 0, MAX_TRANSACTIONS);
    requireBetween("historyYears", historyYears, 1, MAX_HISTORY_YEARS);
  }

  /**
   * The typical household of the benchmarks: 4 accounts (taxable, traditional, Roth, HSA in some
   * order), 15 securities in 4 asset classes, 300 opening lots over 10 years, 12 recent
   * transactions.
   */
  public static GeneratorSettings typical() {
    return new GeneratorSettings(4, 15, 4, 300, 12, 10);
  }

  public GeneratorSettings withAccounts(int value) {
    return new GeneratorSettings(value, securities, assetClasses, lots, transactions, historyYears);
  }

  public GeneratorSettings withSecurities(int value) {
    return new GeneratorSettings(accounts, value, assetClasses, lots, transactions, historyYears);
  }

  public GeneratorSettings withAssetClasses(int value) {
    return new GeneratorSettings(accounts, securities, value, lots, transactions, historyYears);
  }

  public GeneratorSettings withLots(int value) {
    return new GeneratorSettings(accounts, securities, assetClasses, value, transactions, historyYears);
  }

  public GeneratorSettings withTransactions(int value) {
    return new GeneratorSettings(accounts, securities, assetClasses, lots, value, historyYears);
  }

  public GeneratorSettings withHistoryYears(int value) {
    return new GeneratorSettings(accounts, securities, assetClasses, lots, transactions, value);
  }

  private static void requireBetween(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
    }
  }
}
