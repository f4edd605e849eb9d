package dev.keel.cli;

import dev.keel.broker.BrokerException;
import dev.keel.broker.alpaca.AlpacaBroker;
import dev.keel.broker.alpaca.AlpacaConfig;
import dev.keel.broker.price.LatestPrice;
import dev.keel.broker.price.PriceSource;
import dev.keel.broker.price.PricesCsvAppender;
import dev.keel.core.ledger.AccountPosition;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.security.Security;
import dev.keel.core.security.Symbol;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "prices",
    mixinStandardHelpOptions = true,
    description = "Fetch the latest price of every security of policy.yaml and every symbol held, from the broker's "
        + "market data (Alpaca's latest trades, keys from APCA_API_KEY_ID / APCA_API_SECRET_KEY, data endpoint from "
        + "APCA_API_DATA_URL), and add them to prices.csv dated by their trading day (atomically; a price for the same "
        + "symbol and day is replaced). For a daily scan before keel analyze.")
final class PricesCommand implements Callable<Integer> {

  @Mixin HouseholdOptions household;

  @Option(names = "--from", paramLabel = "SOURCE", required = true, description = "alpaca (the only source so far).")
  String from;

  @Option(names = "--dry-run", description = "Print the prices; do not change prices.csv.")
  boolean dryRun;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!from.trim().equalsIgnoreCase("alpaca")) {
      throw new UsageProblem("--from: \"" + from + "\" is not one of alpaca");
    }
    HouseholdData data = household.load();
    Set<Symbol> symbols = new LinkedHashSet<>();
    for (Security s : data.policy().securities().all()) {
      symbols.add(s.symbol());
    }
    LedgerResult books = HouseholdEngine.DEFAULT.books(data, Optional.of(household.asOf()), household.asOf().getYear());
    for (AccountPosition p : books.positions()) {
      symbols.addAll(p.quantities().keySet());
    }
    PriceSource source = alpaca();
    Map<Symbol, LatestPrice> latest;
    try {
      latest = source.latest(symbols);
    } catch (BrokerException e) {
      throw new UsageProblem("the broker's market data could not be reached: " + e.getMessage()
          + "; prices.csv was not changed");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<String> missing = new ArrayList<>();
    for (Symbol s : symbols) {
      LatestPrice p = latest.get(s);
      if (p == null) {
        missing.add(s.value());
        continue;
      }
      out.println("  " + s + " " + p.price().toPlainString() + " on " + p.date()
          + p.time().map(t -> " at " + t.toLocalTime() + " New York").orElse("") + " (" + p.origin() + ")");
    }
    if (!missing.isEmpty()) {
      spec.commandLine().getErr().println("keel: warning: no latest price at the broker for " + String.join(", ", missing)
          + "; prices.csv keeps its older prices for them");
    }
    if (dryRun || latest.isEmpty()) {
      out.println(dryRun ? "Dry run: prices.csv was not changed." : "No prices fetched; prices.csv was not changed.");
      return 0;
    }
    Path file = household.dir.resolve("prices.csv");
    PricesCsvAppender.Outcome outcome = PricesCsvAppender.append(file, latest.values());
    out.println("prices.csv: " + outcome.added() + " added, " + outcome.replaced() + " replaced (same symbol and day).");
    return 0;
  }

  /** The market data API takes paper and live keys alike: prices are read, nothing is traded. */
  private static PriceSource alpaca() {
    Map<String, String> env = ExecuteCommand.environment.get();
    String base = env.getOrDefault("APCA_API_BASE_URL", "").trim();
    boolean live = false;
    try {
      live = !base.isEmpty() && AlpacaConfig.LIVE.getHost().equalsIgnoreCase(URI.create(base).getHost());
    } catch (IllegalArgumentException e) {
      // fromEnvironment below names the bad variable.
    }
    try {
      return new AlpacaBroker(AlpacaConfig.fromEnvironment(env, live));
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage());
    }
  }
}
