package dev.keel.io.read;

import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.household.AccountType;
import dev.keel.core.household.BasisReporting;
import dev.keel.core.household.FundMenu;
import dev.keel.core.tax.FilingStatus;
import dev.keel.core.household.Household;
import dev.keel.core.household.LotMethod;
import dev.keel.core.tax.TaxSettings;
import dev.keel.core.problem.Problem;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import dev.keel.core.tax.MarginalRates;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads household.yaml: {@code name}, {@code members}, {@code tax} and {@code accounts}. See
 * docs/formats.md for every key; unknown keys are problems so that typos do not pass silently.
 */
public final class HouseholdYamlLoader {

  private static final List<String> TOP = List.of("name", "members", "tax", "accounts");
  private static final List<String> TAX = List.of("filing_status", "rates", "income", "deduction", "state_rate",
      "carryforward", "allow_short_term_gains", "long_term_soon_days", "max_net_gains", "itemize",
      "income_includes_espp");
  private static final List<String> ACCOUNT = List.of("id", "type", "owners", "custodian", "lot_method", "tradable", "cash",
      "reserve", "name", "account_number", "basis_reported", "available", "broker", "broker_account", "broker_lot_method",
      "broker_settled_cash");
  /** Brokers {@code keel execute} can trade through (read by keel-broker's BrokerLinks). */
  public static final List<String> BROKERS = List.of("alpaca", "file");
  private static final String STATUSES = Arrays.stream(FilingStatus.values()).map(FilingStatus::code).collect(Collectors.joining(", "));
  private static final String METHODS = Arrays.stream(LotMethod.values()).map(LotMethod::code).collect(Collectors.joining(", "));

  /** The range of tax years accepted in tax.carryforward.into. */
  private static final int MIN_YEAR = 1990;
  private static final int MAX_YEAR = 2100;

  private HouseholdYamlLoader() {}

  public static Loaded<Household> load(String file, Reader reader) {
    List<Problem> problems = new ArrayList<>();
    Optional<YamlMap> top = YamlMap.top(file, reader, "household", "name, members, tax and accounts", problems);
    if (top.isEmpty()) {
      return Loaded.failed(problems);
    }
    YamlMap map = top.get();
    map.allowOnly(TOP);
    String name = map.cell("name").required().orElse("");
    List<String> members = map.cells("members").stream().map(Cell::text).flatMap(Optional::stream).toList();
    TaxSettings tax = tax(file, map, problems);
    List<Account> accounts = accounts(file, map, members, problems);
    if (!problems.isEmpty()) {
      return Loaded.failed(problems);
    }
    return Loaded.of(new Household(name, members, tax, accounts, SourceRef.of(file, map.node().line())), problems);
  }

  private static TaxSettings tax(String file, YamlMap top, List<Problem> problems) {
    Optional<YamlMap> section = YamlMap.of(file, top.child("tax"), "tax", problems);
    if (section.isEmpty()) {
      if (top.child("tax") == null) {
        return TaxSettings.defaults();
      }
      return TaxSettings.defaults();
    }
    YamlMap tax = section.get();
    tax.allowOnly(TAX);
    FilingStatus status = tax.cell("filing_status").required()
        .flatMap(x -> tax.cell("filing_status").oneOf(FilingStatus::find, STATUSES)).orElse(FilingStatus.SINGLE);
    Optional<MarginalRates> rates = Optional.empty();
    Optional<YamlMap> ratesMap = YamlMap.of(file, tax.child("rates"), "tax.rates", problems);
    if (ratesMap.isPresent()) {
      ratesMap.get().allowOnly(List.of("short_term", "long_term"));
      Optional<BigDecimal> st = ratesMap.get().cell("short_term").required().flatMap(x -> ratesMap.get().cell("short_term").fraction());
      Optional<BigDecimal> lt = ratesMap.get().cell("long_term").required().flatMap(x -> ratesMap.get().cell("long_term").fraction());
      if (st.isPresent() && lt.isPresent()) {
        rates = Optional.of(new MarginalRates(st.get(), lt.get()));
      }
    }
    Optional<BigDecimal> income = tax.cell("income").nonNegative();
    Optional<BigDecimal> deduction = tax.cell("deduction").nonNegative();
    BigDecimal stateRate = tax.cell("state_rate").fraction().orElse(BigDecimal.ZERO);
    BigDecimal stCarry = BigDecimal.ZERO;
    BigDecimal ltCarry = BigDecimal.ZERO;
    Optional<Integer> carryInto = Optional.empty();
    Optional<YamlMap> carry = YamlMap.of(file, tax.child("carryforward"), "tax.carryforward", problems);
    if (carry.isPresent()) {
      YamlMap c = carry.get();
      c.allowOnly(List.of("into", "short_term", "long_term"));
      stCarry = c.cell("short_term").nonNegative().orElse(BigDecimal.ZERO);
      ltCarry = c.cell("long_term").nonNegative().orElse(BigDecimal.ZERO);
      carryInto = c.cell("into").wholeNumber().flatMap(y -> y >= MIN_YEAR && y <= MAX_YEAR ? Optional.of(y)
          : c.cell("into").fail("must be a tax year between " + MIN_YEAR + " and " + MAX_YEAR));
      if (c.cell("into").blank() && (stCarry.signum() != 0 || ltCarry.signum() != 0)) {
        // The old form (no year) was applied to every year; a carry enters one year and Keel
        // carries what is left into the later ones, so the year must be said.
        problems.add(new Problem(file, c.line(), "tax.carryforward.into", null,
            "is missing; say which tax year this carryforward enters, e.g. 'into: 2025' for the loss carried from"
                + " your 2024 return (Keel computes later years' carry from the ledger)"));
      }
    }
    boolean itemize = tax.cell("itemize").bool().orElse(false);
    if (itemize && deduction.isEmpty() && !tax.cell("itemize").blank()) {
      tax.cell("itemize").fail("needs tax.deduction (the itemized deduction to take)");
    }
    boolean allowShort = tax.cell("allow_short_term_gains").bool().orElse(false);
    int soonDays = tax.cell("long_term_soon_days").wholeNumber()
        .flatMap(d -> d >= 0 ? Optional.of(d) : tax.cell("long_term_soon_days").fail("must not be negative")).orElse(30);
    Optional<BigDecimal> maxNetGains = tax.cell("max_net_gains").nonNegative();
    // ESPP dispositions realize wages (Publication 525) that W-2 box 1 usually includes: say so, or not.
    boolean incomeIncludesEspp = tax.cell("income_includes_espp").bool().orElse(true);
    return new TaxSettings(status, rates, income, deduction, stateRate, stCarry, ltCarry, allowShort, soonDays, maxNetGains,
        carryInto, itemize, incomeIncludesEspp);
  }

  private static List<Account> accounts(String file, YamlMap top, List<String> members, List<Problem> problems) {
    List<Account> accounts = new ArrayList<>();
    YamlNode list = top.child("accounts");
    if (list == null || list.isNull()) {
      problems.add(new Problem(file, top.line(), "accounts", null, "is missing; list at least one account"));
      return accounts;
    }
    if (!list.isList()) {
      problems.add(new Problem(file, list.line(), "accounts", null, "must be a list of accounts (each item starting with '- id:')"));
      return accounts;
    }
    Map<AccountId, Integer> seen = new HashMap<>();
    for (YamlNode item : list.items()) {
      Optional<YamlMap> section = YamlMap.of(file, item, "accounts", problems);
      if (section.isEmpty()) {
        if (item.isNull()) {
          problems.add(new Problem(file, item.line(), item.path(), null, "is empty; expected an account"));
        }
        continue;
      }
      YamlMap a = section.get();
      int before = problems.size();
      a.allowOnly(ACCOUNT);
      Optional<AccountId> id = a.cell("id").required().flatMap(x -> a.cell("id").id(AccountId::of, "account id (letters, digits, '.', '_', '-')"));
      Optional<AccountType> type = a.cell("type").required()
          .flatMap(x -> a.cell("type").oneOf(AccountType::find, "taxable, traditional, roth, hsa (or ira, 401k, 403b, sep, roth_ira)"));
      List<String> owners = new ArrayList<>();
      for (Cell owner : a.cells("owners")) {
        owner.text().ifPresent(o -> {
          if (!members.isEmpty() && !members.contains(o)) {
            owner.fail("is not one of the members (" + String.join(", ", members) + ")");
          } else {
            owners.add(o);
          }
        });
      }
      String custodian = a.cell("custodian").text().orElse("");
      LotMethod method = a.cell("lot_method").oneOf(LotMethod::find, METHODS).orElse(LotMethod.FIFO);
      boolean tradable = a.cell("tradable").bool().orElse(true);
      BigDecimal cash = a.cell("cash").nonNegative().orElse(BigDecimal.ZERO);
      BigDecimal reserve = a.cell("reserve").nonNegative().orElse(BigDecimal.ZERO);
      FundMenu menu = menu(file, a);
      BasisReporting reporting = a.cell("basis_reported")
          .oneOf(BasisReporting::find, "true (Form 1099-B reports basis to the IRS), false, or no_1099b")
          .orElse(BasisReporting.REPORTED);
      // Execution settings are checked here so a typo is reported with the rest; keel-broker reads them.
      a.cell("broker").oneOf(b -> BROKERS.contains(b.trim().toLowerCase(java.util.Locale.ROOT))
          ? Optional.of(b) : Optional.empty(), String.join(", ", BROKERS));
      a.cell("broker_account").text();
      a.cell("broker_lot_method").oneOf(LotMethod::find, METHODS);
      a.cell("broker_settled_cash").bool();
      if (id.isPresent()) {
        Integer first = seen.putIfAbsent(id.get(), a.cell("id").line());
        if (first != null) {
          a.cell("id").fail("is a duplicate account id (first on line " + first + ")");
        }
      }
      if (problems.size() == before) {
        accounts.add(new Account(id.get(), type.get(), owners, custodian, method, tradable, cash, reserve,
            SourceRef.of(file, item.line()), menu, reporting));
      }
    }
    if (list.items().isEmpty()) {
      problems.add(new Problem(file, list.line(), "accounts", null, "is empty; list at least one account"));
    }
    return accounts;
  }

  /**
   * An account's {@code available} list: the securities it can buy, each with its line so that an
   * unknown symbol is reported where it is written (the policy's securities are checked later, by
   * {@link dev.keel.core.portfolio.CrossCheck}). Absent means the account can buy anything.
   */
  private static FundMenu menu(String file, YamlMap account) {
    YamlNode node = account.child("available");
    if (node == null) {
      return FundMenu.ANY;
    }
    Map<Symbol, SourceRef> symbols = new LinkedHashMap<>();
    for (Cell c : account.cells("available")) {
      // A symbol listed twice is harmless: the first line is kept.
      c.id(Symbol::of, "symbol").ifPresent(symbol -> symbols.putIfAbsent(symbol, SourceRef.of(file, c.line())));
    }
    return FundMenu.of(symbols);
  }
}
