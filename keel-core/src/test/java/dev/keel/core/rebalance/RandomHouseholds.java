package dev.keel.core.rebalance;

import dev.keel.core.household.AccountType;
import dev.keel.core.security.Security;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small random households for property tests, deliberately independent of the benchmark
 * generator: 1-4 accounts, 2-3 classes of 1-2 securities, random lots (gains, losses, short and
 * long term), and recent purchases and loss sales inside wash-sale windows.
 */
final class RandomHouseholds {

  static final String AS_OF = "2026-11-20";
  private static final String[] CLASSES = {"stocks", "bonds", "intl"};
  private static final AccountType[] TYPES = {AccountType.TAXABLE, AccountType.TRADITIONAL, AccountType.ROTH, AccountType.HSA};

  private RandomHouseholds() {}

  static Scenario generate(long seed, boolean accountsReversed) {
    Random random = new Random(seed);
    Scenario s = Scenario.on(AS_OF);
    int classes = 2 + random.nextInt(2);
    int[] weights = new int[classes];
    int left = 100;
    for (int i = 0; i < classes - 1; i++) {
      weights[i] = 10 + random.nextInt(Math.max(1, left - 10 * (classes - i)));
      left -= weights[i];
    }
    weights[classes - 1] = left;
    List<String> symbols = new ArrayList<>();
    List<BigDecimal> prices = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      s.target(CLASSES[c], BigDecimal.valueOf(weights[c], 2).toPlainString());
      int n = 1 + random.nextInt(2);
      List<String> inClass = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        inClass.add(CLASSES[c].substring(0, 1).toUpperCase() + "SEC" + k);
      }
      for (int k = 0; k < n; k++) {
        String symbol = inClass.get(k);
        BigDecimal price = BigDecimal.valueOf(20 + random.nextInt(300)).add(BigDecimal.valueOf(random.nextInt(100), 2));
        List<Symbol> substitutes = inClass.stream().filter(x -> !x.equals(symbol)).map(Symbol::of).toList();
        s.security(Security.of(symbol, CLASSES[c]).withSubstitutes(substitutes), price.toPlainString());
        symbols.add(symbol);
        prices.add(price);
      }
    }
    int accounts = 1 + random.nextInt(4);
    List<String> ids = new ArrayList<>();
    List<AccountType> types = new ArrayList<>();
    List<String> cash = new ArrayList<>();
    for (int a = 0; a < accounts; a++) {
      ids.add("acct" + a);
      types.add(a == 0 ? AccountType.TAXABLE : TYPES[random.nextInt(TYPES.length)]);
      cash.add(String.valueOf(random.nextInt(3) == 0 ? random.nextInt(20000) : 0));
    }
    List<Integer> order = new ArrayList<>();
    for (int a = 0; a < accounts; a++) {
      order.add(accountsReversed ? accounts - 1 - a : a);
    }
    for (int a : order) {
      s.account(ids.get(a), types.get(a), cash.get(a));
    }
    LocalDate asOf = LocalDate.parse(AS_OF);
    int lots = 2 + random.nextInt(12);
    List<String[]> lotRows = new ArrayList<>();
    for (int i = 0; i < lots; i++) {
      int a = random.nextInt(accounts);
      int k = random.nextInt(symbols.size());
      BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(300));
      BigDecimal factor = BigDecimal.valueOf(40 + random.nextInt(120), 2); // basis 40%-160% of price
      BigDecimal basis = qty.multiply(prices.get(k)).multiply(factor).setScale(2, RoundingMode.HALF_UP);
      LocalDate acquired = asOf.minusDays(40 + random.nextInt(1500));
      lotRows.add(new String[] {ids.get(a), symbols.get(k), qty.toPlainString(), basis.toPlainString(), acquired.toString(), "R" + i});
    }
    for (String[] row : lotRows) {
      s.lot(row[0], row[1], row[2], row[3], row[4], row[5]);
    }
    // Recent activity inside the wash-sale window: a purchase funded by a deposit, and a loss sale.
    if (random.nextBoolean()) {
      int a = random.nextInt(accounts);
      int k = random.nextInt(symbols.size());
      String date = asOf.minusDays(1 + random.nextInt(29)).toString();
      s.deposit(date, ids.get(a), "5000");
      BigDecimal qty = BigDecimal.valueOf(5000).divide(prices.get(k), 0, RoundingMode.DOWN);
      if (qty.signum() > 0) {
        s.buy(date, ids.get(a), symbols.get(k), qty.toPlainString(), prices.get(k).toPlainString());
      }
    }
    if (random.nextBoolean()) {
      for (String[] row : lotRows) {
        int k = symbols.indexOf(row[1]);
        BigDecimal price = prices.get(k);
        boolean loss = new BigDecimal(row[3]).compareTo(new BigDecimal(row[2]).multiply(price)) > 0;
        if (row[0].equals("acct0") && loss) {
          s.sell(asOf.minusDays(1 + random.nextInt(20)).toString(), row[0], row[1], row[2], price.toPlainString());
          break;
        }
      }
    }
    if (random.nextInt(3) == 0) {
      s.maxNetGains(String.valueOf(random.nextInt(5000)));
    }
    if (random.nextBoolean()) {
      s.settings(x -> x.withFractional(false));
    }
    return s;
  }
}
