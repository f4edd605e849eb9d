package dev.keel.core.portfolio;

import static dev.keel.core.portfolio.PortfolioFixtures.date;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.ActionTerms;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.problem.Problem;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.AssetClass;
import dev.keel.core.security.Security;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests {@link CrossCheck}: what no single file's loader can see. */
class CrossCheckTest {

  private static List<String> check(HouseholdData data) {
    return CrossCheck.check(data).stream().map(Problem::toString).toList();
  }

  @Test
  void test_check_consistentHousehold_noProblems() {
    assertThat(CrossCheck.check(PortfolioFixtures.data())).isEmpty();
  }

  @Test
  void test_check_securityClassWithoutTarget() {
    Security acme = new Security(Symbol.of("ACME"), AssetClass.of("company_stock"), null, List.of(), false,
        SourceRef.of("policy.yaml", 14));
    SecurityMaster securities = SecurityMaster.of(Security.of("VTI", "us_stocks"), Security.of("BND", "bonds"), acme);
    HouseholdData data = new HouseholdData(PortfolioFixtures.household(), PortfolioFixtures.policy(securities),
        List.of(), List.of(), PortfolioFixtures.prices());

    assertThat(check(data)).containsExactly(
        "policy.yaml:14: asset_class: \"company_stock\" has no target in policy.yaml targets (us_stocks, bonds)");
  }

  @Test
  void test_check_unknownSubstitute() {
    Security vti = new Security(Symbol.of("VTI"), AssetClass.of("us_stocks"), null, List.of(Symbol.of("ITOT")), false,
        SourceRef.of("policy.yaml", 9));
    SecurityMaster securities = SecurityMaster.of(vti, Security.of("BND", "bonds"));
    HouseholdData data = new HouseholdData(PortfolioFixtures.household(), PortfolioFixtures.policy(securities),
        List.of(), List.of(), PortfolioFixtures.prices());

    assertThat(check(data)).containsExactly(
        "policy.yaml:9: substitutes: \"ITOT\" is not listed under securities; every substitute needs an asset_class");
  }

  @Test
  void test_check_lotsAndTransactions_unknownAccountsAndSymbols_everyOneReported() {
    List<OpeningLot> lots = List.of(
        new OpeningLot(AccountId.of("brokerage"), Symbol.of("VTI"), BigDecimal.TEN, BigDecimal.TEN,
            Optional.of(date("2024-01-02")), false, Optional.empty(), SourceRef.of("lots.csv", 2)),
        new OpeningLot(AccountId.of("joint"), Symbol.of("XYZ"), BigDecimal.TEN, BigDecimal.TEN,
            Optional.of(date("2024-01-02")), false, Optional.empty(), SourceRef.of("lots.csv", 3)));
    List<Transaction> transactions = List.of(
        Transaction.trade(date("2026-01-02"), "roth", Action.BUY, "QQQ", "1", "400").withSource(SourceRef.of("transactions.csv", 2)),
        // A dividend may name a symbol the policy does not list (a fund sold long ago): no problem.
        new Transaction(date("2026-01-03"), AccountId.of("joint"), Action.DIVIDEND, Optional.of(Symbol.of("OLD")),
            Optional.empty(), Optional.empty(), Optional.of(BigDecimal.ONE), BigDecimal.ZERO, Optional.empty(),
            SourceRef.of("transactions.csv", 3)));
    HouseholdData data = new HouseholdData(PortfolioFixtures.household(), PortfolioFixtures.policy(PortfolioFixtures.securities()),
        lots, transactions, PortfolioFixtures.prices());

    assertThat(check(data)).containsExactly(
        "lots.csv:2: account: \"brokerage\" is not an account of household.yaml (ira, joint)",
        "lots.csv:3: symbol: \"XYZ\" is not listed under securities in policy.yaml; every security needs an asset_class",
        "transactions.csv:2: account: \"roth\" is not an account of household.yaml (ira, joint)",
        "transactions.csv:2: symbol: \"QQQ\" is not listed under securities in policy.yaml; every security needs an asset_class");
  }

  @Test
  void test_check_transferToUnknownAccount_splitOfUnknownSymbol_splitWithoutAccount() {
    List<Transaction> transactions = List.of(
        new Transaction(date("2026-01-02"), AccountId.of("joint"), Action.TRANSFER, Optional.of(Symbol.of("VTI")),
            Optional.of(BigDecimal.ONE), Optional.empty(), Optional.empty(), BigDecimal.ZERO, Optional.empty(),
            SourceRef.of("transactions.csv", 2), Optional.of(new ActionTerms.Transfer(AccountId.of("brokerage")))),
        // no account: the split applies to every account, and there is no account to check
        new Transaction(date("2026-01-03"), null, Action.SPLIT, Optional.of(Symbol.of("XYZ")), Optional.empty(),
            Optional.empty(), Optional.empty(), BigDecimal.ZERO, Optional.empty(), SourceRef.of("transactions.csv", 3),
            ActionTerms.Split.parse("2:1").map(ActionTerms.class::cast)),
        new Transaction(date("2026-01-04"), AccountId.of("joint"), Action.RETURN_OF_CAPITAL, Optional.of(Symbol.of("ABC")),
            Optional.empty(), Optional.empty(), Optional.of(BigDecimal.ONE), BigDecimal.ZERO, Optional.empty(),
            SourceRef.of("transactions.csv", 4)));
    HouseholdData data = new HouseholdData(PortfolioFixtures.household(), PortfolioFixtures.policy(PortfolioFixtures.securities()),
        List.of(), transactions, PortfolioFixtures.prices());

    assertThat(check(data)).containsExactly(
        "transactions.csv:2: to_account: \"brokerage\" is not an account of household.yaml (ira, joint)",
        "transactions.csv:3: symbol: \"XYZ\" is not listed under securities in policy.yaml; every security needs an asset_class",
        "transactions.csv:4: symbol: \"ABC\" is not listed under securities in policy.yaml; every security needs an asset_class");
  }
}
