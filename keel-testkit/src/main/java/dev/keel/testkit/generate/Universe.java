package dev.keel.testkit.generate;

import java.util.List;

/**
 * The reference data the generator draws from: asset classes with their return, volatility and
 * yield assumptions, and per class the funds a household might hold, grouped in families. The
 * members of a family track the same index through share classes of one fund (VTI and VTSAX) or
 * funds of different sponsors on one index (VOO and IVV on the S&amp;P 500): a household treats
 * them as substantially identical, so the generator gives them one {@code identical_group}.
 *
 * <p>Symbols are real tickers for realism only; nothing here is market data. Company stocks are
 * made up.
 */
final class Universe {

  private Universe() {}

  /**
   * An asset class as the generator models it.
   *
   * @param drift expected annual log-return before the volatility correction
   * @param volatility annual standard deviation of log-returns
   * @param yield annual dividend yield, for dividends and reinvestments
   * @param weight relative size of the class in a typical target allocation
   */
  record ClassSpec(String name, double drift, double volatility, double yield, double weight, List<Family> families) {

    int capacity() {
      return families.stream().mapToInt(f -> f.symbols().size()).sum();
    }
  }

  /** Funds tracking one index; {@code group} is empty for a fund that stands alone. */
  record Family(String group, List<String> symbols) {}

  private static Family group(String name, String... symbols) {
    return new Family(name, List.of(symbols));
  }

  private static Family alone(String symbol) {
    return new Family("", List.of(symbol));
  }

  static final ClassSpec US_STOCKS = new ClassSpec("us_stocks", 0.09, 0.16, 0.014, 0.45, List.of(
      group("us-total-vanguard", "VTI", "VTSAX"),
      group("sp500", "VOO", "IVV", "SPLG", "FXAIX", "VFIAX"),
      alone("ITOT"),
      alone("SCHB"),
      alone("FSKAX"),
      alone("SPTM"),
      alone("SCHX"),
      group("russell1000", "IWB", "VONE"),
      alone("VV")));

  static final ClassSpec INTL_STOCKS = new ClassSpec("intl_stocks", 0.06, 0.17, 0.030, 0.20, List.of(
      group("intl-total-vanguard", "VXUS", "VTIAX"),
      alone("IXUS"),
      group("developed-vanguard", "VEA", "VTMGX"),
      alone("IEFA"),
      alone("EFA"),
      alone("SCHF"),
      alone("SPDW"),
      alone("FTIHX"),
      alone("VEU"),
      alone("ACWX")));

  static final ClassSpec BONDS = new ClassSpec("bonds", 0.03, 0.06, 0.035, 0.25, List.of(
      group("us-bond-vanguard", "BND", "VBTLX"),
      group("us-aggregate", "AGG", "SCHZ", "SPAB"),
      alone("IUSB"),
      alone("FXNAX"),
      alone("BIV"),
      alone("VCIT"),
      alone("GOVT"),
      alone("VGIT"),
      alone("BIL")));

  static final ClassSpec REITS = new ClassSpec("reits", 0.07, 0.21, 0.040, 0.06, List.of(
      group("reit-vanguard", "VNQ", "VGSLX"),
      alone("SCHH"),
      alone("USRT"),
      alone("XLRE"),
      alone("IYR"),
      alone("FREL"),
      alone("RWR")));

  static final ClassSpec SMALL_CAP = new ClassSpec("small_cap", 0.085, 0.22, 0.013, 0.08, List.of(
      group("small-vanguard", "VB", "VSMAX"),
      group("sp600", "IJR", "SPSM"),
      group("russell2000", "IWM", "VTWO"),
      alone("SCHA"),
      alone("VBR"),
      alone("FSSNX")));

  static final ClassSpec EMERGING = new ClassSpec("emerging", 0.055, 0.23, 0.028, 0.06, List.of(
      group("em-vanguard", "VWO", "VEMAX"),
      alone("IEMG"),
      alone("SCHE"),
      alone("SPEM"),
      alone("EEM"),
      alone("FPADX")));

  static final ClassSpec TIPS = new ClassSpec("tips", 0.025, 0.05, 0.030, 0.06, List.of(
      group("tips-vanguard", "VIPSX", "VAIPX"),
      alone("SCHP"),
      alone("TIP"),
      alone("SPIP"),
      alone("VTIP"),
      alone("STIP")));

  /** Every household has these three classes, in this order. */
  static final List<ClassSpec> CORE = List.of(US_STOCKS, INTL_STOCKS, BONDS);

  /** Further classes, drawn at random. */
  static final List<ClassSpec> OPTIONAL = List.of(REITS, SMALL_CAP, EMERGING, TIPS);

  /** Made-up employers' tickers for held-away company stock. */
  static final List<String> COMPANY_STOCKS = List.of("ACME", "INITC", "GLOBX", "HOOLI", "UMBRL", "CYBRD", "WAYNE", "STRKI");

  static final List<String[]> COUPLES = List.of(
      new String[] {"Alex", "Sam"}, new String[] {"Jordan", "Taylor"}, new String[] {"Morgan", "Casey"},
      new String[] {"Priya", "Arjun"}, new String[] {"Maria", "Jose"}, new String[] {"Wei", "Lin"},
      new String[] {"Fatima", "Omar"}, new String[] {"Chris", "Pat"}, new String[] {"Dana", "Robin"});

  static final List<String> SINGLES = List.of("Riley", "Avery", "Quinn", "Jamie", "Noor", "Kenji", "Elena", "Marcus");

  static final List<String> SURNAMES = List.of(
      "Rivera", "Nguyen", "Okafor", "Schmidt", "Patel", "Kowalski", "Haddad", "Lindqvist", "Moreau", "Tanaka",
      "Osei", "Brennan", "Castillo", "Ferreira", "Yamamoto", "Novak");

  static final List<String> BROKERS = List.of("Vanguard", "Fidelity", "Schwab", "E*TRADE", "Merrill");

  static final List<String> PLAN_ADMINISTRATORS = List.of("Fidelity", "Empower", "Principal", "Vanguard");

  static final List<String> HSA_CUSTODIANS = List.of("Fidelity", "HealthEquity", "Lively");
}
