package dev.keel.broker.execute;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.security.Symbol;
import dev.keel.io.read.FolderSource;
import dev.keel.io.read.HouseholdFolderLoader;
import dev.keel.io.read.Loaded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The test household folder (src/test/resources/household): one taxable account at Alpaca, 100 VTI in two lots, $1,000. */
final class TestFolder {

  private TestFolder() {}

  static Path copy(Path dir) {
    try {
      for (String f : new String[] {"household.yaml", "policy.yaml", "lots.csv", "transactions.csv", "prices.csv"}) {
        Files.copy(Path.of("src", "test", "resources", "household", f), dir.resolve(f));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ledger of the folder as it is now (transactions.csv included), for the joint account. */
  static AccountPosition joint(Path dir) {
    Loaded<HouseholdData> loaded = HouseholdFolderLoader.loadAndCheck(FolderSource.directory(dir), HouseholdEngine.DEFAULT);
    if (!loaded.ok()) {
      throw new AssertionError("the folder does not load: " + loaded.problems());
    }
    return HouseholdEngine.DEFAULT.books(loaded.value().get(), Optional.empty(), 2026).account(AccountId.of("joint"));
  }

  /** Shares per symbol, as plain strings for comparison with the fake's positions. */
  static Map<String, BigDecimal> shares(AccountPosition p) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (Map.Entry<Symbol, BigDecimal> e : p.quantities().entrySet()) {
      if (e.getValue().signum() != 0) {
        out.put(e.getKey().value(), e.getValue().stripTrailingZeros());
      }
    }
    return out;
  }

  static Map<String, BigDecimal> normalized(Map<String, BigDecimal> positions) {
    Map<String, BigDecimal> out = new TreeMap<>();
    positions.forEach((k, v) -> out.put(k, v.stripTrailingZeros()));
    return out;
  }
}
