package dev.keel.core.portfolio;

import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.policy.ScheduledPurchase;
import dev.keel.core.problem.Problem;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that the files of a household agree with one another: every account and security that
 * lots and transactions name exists, every security's asset class has a target, substitutes and
 * the funds of an account's {@code available} menu are known securities, and scheduled purchases
 * name known accounts and securities that the account's fund menu offers. Each file is checked on its own by its loader; this is what
 * no single loader can see.
 */
public final class CrossCheck {

  private CrossCheck() {}

  public static List<Problem> check(HouseholdData data) {
    List<Problem> problems = new ArrayList<>();
    Set<AssetClass> targeted = data.policy().targets().keySet();
    for (Security security : data.policy().securities().all()) {
      if (!targeted.contains(security.assetClass())) {
        problems.add(Problem.at(security.source(), "asset_class", security.assetClass().value(),
            "has no target in policy.yaml targets (" + String.join(", ", targeted.stream().map(AssetClass::value).toList()) + ")"));
      }
      for (Symbol substitute : security.substitutes()) {
        if (!data.policy().securities().contains(substitute)) {
          problems.add(Problem.at(security.source(), "substitutes", substitute.value(),
              "is not listed under securities; every substitute needs an asset_class"));
        }
      }
    }
    for (Account account : data.household().accounts()) {
      // A fund menu naming an unknown symbol is a typo that would silently shrink the menu.
      account.available().symbols().forEach((symbol, source) -> {
        if (!data.policy().securities().contains(symbol)) {
          problems.add(Problem.at(source, "available", symbol.value(),
              "is not listed under securities in policy.yaml; an account's available funds must be securities of the policy"));
        }
      });
    }
    List<ScheduledPurchase> scheduled = data.policy().harvest().scheduled();
    for (int i = 0; i < scheduled.size(); i++) {
      // Line 0: the loader that can read policy.yaml places these by their field.
      ScheduledPurchase s = scheduled.get(i);
      String at = "harvest.scheduled[" + i + "].";
      if (data.household().findAccount(s.account()).isEmpty()) {
        problems.add(new Problem("policy.yaml", 0, at + "account", s.account().value(), "is not an account of household.yaml ("
            + String.join(", ", new TreeSet<>(data.household().accounts().stream().map(a -> a.id().value()).toList())) + ")"));
      }
      if (!data.policy().securities().contains(s.symbol())) {
        problems.add(new Problem("policy.yaml", 0, at + "symbol", s.symbol().value(), "is not listed under securities"));
      } else {
        // A contribution the plan cannot make is a typo in one of the two files; trusting it would
        // warn of washes that cannot happen and miss the ones the real contribution causes.
        data.household().findAccount(s.account()).filter(a -> !a.available().offers(s.symbol())).ifPresent(a ->
            problems.add(new Problem("policy.yaml", 0, at + "symbol", s.symbol().value(), "is not in the fund menu (available) of "
                + a.id().value() + " (" + String.join(", ", a.available().listed().stream().map(Symbol::value).toList())
                + "); a scheduled purchase must be one the account can make")));
      }
    }
    for (OpeningLot lot : data.openingLots()) {
      checkAccount(data, lot.account(), lot.source(), problems);
      checkSymbol(data, lot.symbol(), lot.source(), problems);
    }
    for (Transaction t : data.transactions()) {
      if (t.account() != null) { // a split without an account applies to every account
        checkAccount(data, t.account(), t.source(), problems);
      }
      t.symbol().filter(s -> t.action().needsSymbol()).ifPresent(s -> checkSymbol(data, s, t.source(), problems));
      if (t.action() == dev.keel.core.ledger.Action.TRANSFER) {
        checkAccount(data, t.transferTo(), t.source(), problems, "to_account");
      }
    }
    return problems;
  }

  private static void checkAccount(HouseholdData data, AccountId id, SourceRef source, List<Problem> problems) {
    checkAccount(data, id, source, problems, "account");
  }

  private static void checkAccount(HouseholdData data, AccountId id, SourceRef source, List<Problem> problems, String field) {
    if (data.household().findAccount(id).isEmpty()) {
      Set<String> known = new TreeSet<>(data.household().accounts().stream().map(Account::id).map(AccountId::value).toList());
      problems.add(Problem.at(source, field, id.value(), "is not an account of household.yaml (" + String.join(", ", known) + ")"));
    }
  }

  private static void checkSymbol(HouseholdData data, Symbol symbol, SourceRef source, List<Problem> problems) {
    if (!data.policy().securities().contains(symbol)) {
      problems.add(Problem.at(source, "symbol", symbol.value(),
          "is not listed under securities in policy.yaml; every security needs an asset_class"));
    }
  }
}
