package dev.keel.imports.booking;

import static dev.keel.imports.booking.Fixtures.CHEN;
import static dev.keel.imports.booking.Fixtures.FIXTURE_HOUSEHOLD;
import static dev.keel.imports.booking.Fixtures.RESOURCES;
import static dev.keel.imports.booking.Fixtures.STATEMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.Action;
import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.engine.HouseholdEngine;
import dev.keel.core.report.RealizedGains;
import dev.keel.imports.statement.ActivityKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportServiceTest {

  private final ImportService service = ImportService.DEFAULT;

  @Test
  void the_chen_statements_import_and_reconcile_exactly() {
    ImportPlan plan = service.plan(Fixtures.request(CHEN, ImportLog.EMPTY, Fixtures.chenFiles()));
    assertThat(plan.problems()).isEmpty();
    assertThat(plan.transactions()).hasSize(26);
    assertThat(plan.lots()).hasSize(4);
    assertThat(plan.prices()).hasSize(8);
    assertThat(plan.reconciliation()).hasSize(13).allSatisfy(d -> assertThat(d.agrees()).as(d.toString()).isTrue());
    // The Schwab buy of 2026-05-20 is already in the lots of 2026-06-30; the Vanguard sweep is cash to cash.
    assertThat(plan.notImported()).extracting(Note::reason).anySatisfy(r -> assertThat(r).contains("opening lots"))
        .anySatisfy(r -> assertThat(r).contains("sweep"));
  }

  @Test
  void imported_figures_are_the_statements_figures() {
    HouseholdData data = Fixtures.household(CHEN);
    ImportPlan plan = service.plan(Fixtures.request(CHEN, ImportLog.EMPTY, Fixtures.chenFiles()));
    HouseholdData after = Fixtures.apply(data, plan);
    RealizedGains gains = HouseholdEngine.DEFAULT.gains(after, 2026);
    // Fidelity: 30 VTI bought at 280.50 (basis 8,415.00), sold for 9,000.00 less 0.45 of fees: +584.55 short-term.
    // Schwab: 100 of the 300 SCHF opened 2021-08-02 for 11,250.00 (basis 3,750.00), sold for 3,999.88 net: +249.88 long-term.
    assertThat(gains.netShortTerm()).isEqualByComparingTo("584.55");
    assertThat(gains.netLongTerm()).isEqualByComparingTo("249.88");
    // The washed SCHB lot keeps the custodian's adjusted basis (1,075.00 paid + 112.50 disallowed).
    assertThat(HouseholdEngine.DEFAULT.books(after, Optional.empty(), 2026).lots()).anySatisfy(l -> {
      assertThat(l.symbol().value()).isEqualTo("SCHB");
      assertThat(l.costBasis()).isEqualByComparingTo("1187.50");
    });
  }

  @Test
  void importing_again_adds_nothing_and_reports_everything_as_already_imported() {
    ImportPlan first = service.plan(Fixtures.request(CHEN, ImportLog.EMPTY, Fixtures.chenFiles()));
    ImportLog log = Fixtures.log(ImportLog.EMPTY, first);
    HouseholdData after = Fixtures.apply(Fixtures.household(CHEN), first);
    ImportRequest again = new ImportRequest(after, Fixtures.numbers(CHEN), log, Set.of("VTI@2026-11-20"), Fixtures.chenFiles(),
        Optional.empty(), Fixtures.STATEMENT_DATE);
    ImportPlan second = service.plan(again);
    assertThat(second.problems()).isEmpty();
    assertThat(second.transactions()).isEmpty();
    assertThat(second.lots()).isEmpty();
    assertThat(second.alreadyImported()).hasSize(30);
    assertThat(second.reconciliation()).allSatisfy(d -> assertThat(d.agrees()).isTrue());
  }

  @Test
  void file_order_does_not_change_the_plan() {
    List<StatementFile> reversed = new ArrayList<>(Fixtures.chenFiles());
    Collections.reverse(reversed);
    ImportPlan a = service.plan(Fixtures.request(CHEN, ImportLog.EMPTY, Fixtures.chenFiles()));
    ImportPlan b = service.plan(Fixtures.request(CHEN, ImportLog.EMPTY, reversed));
    assertThat(b.transactions()).extracting(NewRow::importId).containsExactlyElementsOf(a.transactions().stream().map(NewRow::importId).toList());
    assertThat(b.lots()).extracting(NewRow::importId).containsExactlyElementsOf(a.lots().stream().map(NewRow::importId).toList());
  }

  @Test
  void ofx_distributions_splits_and_returns_of_capital_are_booked_and_a_transfer_from_outside_is_listed() {
    ImportPlan plan = service.plan(Fixtures.request(FIXTURE_HOUSEHOLD, ImportLog.EMPTY, List.of(
        Fixtures.file(RESOURCES.resolve("ofx").resolve("brokerage-v2.ofx")))));
    assertThat(plan.problems()).isEmpty();
    assertThat(plan.transactions()).extracting(t -> t.transaction().date() + " " + t.transaction().action().code() + " "
        + t.transaction().symbol().map(Object::toString).orElse("") + " " + t.transaction().amount().map(BigDecimal::toPlainString).orElse("")
        + t.transaction().terms().map(x -> " " + x).orElse("")).containsExactly(
        "2026-01-02 deposit  20000.00",
        "2026-01-05 buy VTI 10000.00",
        "2026-01-05 buy BND 4999.99",
        "2026-03-31 reinvest BND 15.33",
        // INCOMETYPE CGLONG: a capital gain distribution (Form 1099-DIV box 2a, Publication 550).
        "2026-06-15 cap_gain_distribution VTI 12.40",
        // NUMERATOR 2, DENOMINATOR 1, in this account.
        "2026-07-01 split VTI  2:1",
        // RETOFCAP: cash in, the basis of the BND lots lowered (Publication 550, "Nondividend Distributions").
        "2026-09-15 return_of_capital BND 3.10",
        "2026-10-01 sell BND 1459.60",
        "2026-10-15 fee VTI 1.50",
        // A dividend reinvested in the money-market fund stays cash: a dividend, not a purchase.
        "2026-10-31 dividend  0.02");
    assertThat(plan.notImported()).extracting(Note::what).containsExactly("TRANSFER IN 10 VTI", "BUYMF 1 31617H102 $1.00");
    // The 10 VTI come from another firm with their basis, but VTI was split in this account before they came: as a lot of
    // lots.csv (held from the start) the split would rescale them. They are left to the user.
    assertThat(plan.notImported().get(0).reason()).isEqualTo("the account splits VTI on 2026-07-01, before these shares came in; "
        + "as a lot of lots.csv they would be split by that row: record them by hand");
    assertThat(plan.lots()).isEmpty();
    // Cash: 20,000 - 10,004.95 - 4,999.99 + 12.40 + 3.10 + 1,459.57 - 1.50 + 0.02 = 6,468.65, the statement's AVAILCASH
    // 6,467.63 plus the 1.02 in the money-market fund (1.00 swept in, 0.02 of its dividend). VTI: 40 bought, split 2:1 = 80; the 10 transferred
    // in from outside the household are not booked.
    assertThat(plan.differences()).extracting(d -> d.symbol() + " " + d.statement().toPlainString() + " " + d.ledger().toPlainString())
        .containsExactly("VTI 90 80");
    assertThat(plan.unknownSecurities()).isEmpty();
  }

  @Test
  void two_identical_rows_of_one_day_are_two_transactions() {
    ImportPlan plan = service.plan(Fixtures.request(FIXTURE_HOUSEHOLD, ImportLog.EMPTY, List.of(
        Fixtures.file(RESOURCES.resolve("csv").resolve("Accounts_History.csv")))));
    assertThat(plan.problems()).isEmpty();
    assertThat(plan.transactions()).filteredOn(t -> t.transaction().date().equals(LocalDate.of(2026, 3, 2))).hasSize(2)
        .extracting(NewRow::importId).doesNotHaveDuplicates();
    assertThat(plan.transactions()).filteredOn(t -> t.transaction().account().equals(AccountId.of("fid-roth")))
        .extracting(t -> t.transaction().action()).containsExactly(Action.DEPOSIT, Action.BUY);
  }

  @Test
  void an_unknown_account_number_is_named() {
    ImportPlan plan = service.plan(Fixtures.request(CHEN, ImportLog.EMPTY, List.of(
        Fixtures.file(RESOURCES.resolve("bad").resolve("unknown-account.csv")))));
    assertThat(plan.problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("account");
      assertThat(p.value()).isEqualTo("9999");
      assertThat(p.message()).contains("not the account_number of any account");
    });
    assertThat(plan.transactions()).isEmpty();
  }

  @Test
  void a_traded_security_not_in_the_policy_stops_the_import_and_is_named_with_its_cusip() {
    ImportPlan plan = service.plan(Fixtures.request(FIXTURE_HOUSEHOLD, ImportLog.EMPTY, List.of(Fixtures.file(STATEMENTS.resolve("fidelity-2026.qfx")))
        .stream().map(f -> new StatementFile(f.name(), new String(f.content(), java.nio.charset.StandardCharsets.ISO_8859_1)
            .replace("Z23456789", "5550001234").replace("234567890", "Z33334444").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
        .toList()));
    assertThat(plan.ok()).isFalse();
    assertThat(plan.problems()).anySatisfy(p -> {
      assertThat(p.value()).isEqualTo("FIDELITY 500 INDEX FUND (FXAIX, CUSIP 315911750)");
      assertThat(p.message()).contains("not in policy.yaml");
    });
    assertThat(plan.unknownSecurities()).extracting(s -> s.symbol().orElseThrow().value()).contains("FXAIX", "VXUS");
  }

  @Test
  void a_sale_the_ledger_cannot_book_is_a_problem_naming_the_statement_row() {
    // The Schwab history without its lots: the sale of 100 SCHF has nothing to relieve.
    ImportPlan plan = service.plan(Fixtures.request(CHEN, ImportLog.EMPTY, List.of(Fixtures.file(STATEMENTS.resolve("schwab-transactions.csv")))));
    assertThat(plan.problems()).anySatisfy(p -> {
      assertThat(p.file()).isEqualTo("schwab-transactions.csv");
      assertThat(p.line()).isEqualTo(8);
    });
    assertThat(plan.transactions()).isEmpty();
  }

  @Test
  void reconcile_alone_compares_with_the_ledger_as_it_is() {
    ImportPlan plan = service.reconcile(Fixtures.request(CHEN, ImportLog.EMPTY, List.of(Fixtures.file(STATEMENTS.resolve("schwab-positions.csv")))));
    assertThat(plan.problems()).isEmpty();
    assertThat(plan.transactions()).isEmpty();
    // Nothing imported yet: the ledger holds only the opening cash of household.yaml.
    assertThat(plan.reconciliation()).extracting(d -> d.symbol() + " " + d.statement().toPlainString() + " " + d.ledger().toPlainString())
        .containsExactly("SCHB 250 0", "SCHF 200 0", "VOO 15.535 0", "cash 7436.73 1200.00");
  }

  @Test
  void a_file_naming_no_account_needs_the_account_option() {
    byte[] untitled = String.join("\n", "\"Symbol\",\"Description\",\"Qty (Quantity)\",\"Price\",\"Mkt Val (Market Value)\"",
        "\"VOO\",\"VANGUARD S&P 500 ETF\",\"15.535\",\"$590.00\",\"$9,165.65\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    List<StatementFile> files = List.of(new StatementFile("positions.csv", untitled));
    ImportPlan without = service.reconcile(Fixtures.request(CHEN, ImportLog.EMPTY, files));
    assertThat(without.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("--account ID"));
    ImportRequest forced = new ImportRequest(Fixtures.household(CHEN), Fixtures.numbers(CHEN), ImportLog.EMPTY, Set.of(), files,
        Optional.of(AccountId.of("jordan-brokerage")), Fixtures.STATEMENT_DATE);
    ImportPlan with = service.reconcile(forced);
    assertThat(with.problems()).isEmpty();
    assertThat(with.reconciliation()).extracting(d -> d.account() + " " + d.symbol() + " " + d.date())
        .containsExactly("jordan-brokerage VOO 2026-11-20");
  }

  @Test
  void an_account_option_contradicting_the_file_is_a_problem() {
    ImportRequest forced = new ImportRequest(Fixtures.household(CHEN), Fixtures.numbers(CHEN), ImportLog.EMPTY, Set.of(),
        List.of(Fixtures.file(STATEMENTS.resolve("schwab-positions.csv"))), Optional.of(AccountId.of("joint")), Fixtures.STATEMENT_DATE);
    assertThat(service.reconcile(forced).problems()).isNotEmpty().allSatisfy(p -> {
      assertThat(p.value()).isEqualTo("4321");
      assertThat(p.message()).contains("jordan-brokerage, not of --account joint");
    });
  }

  @Test
  void an_action_keel_does_not_know_is_listed_as_not_understood_with_the_custodians_words() {
    byte[] csv = String.join("\n", "\"Transactions  for account Individual ...4321 as of 11/20/2026\"",
        "\"Date\",\"Action\",\"Symbol\",\"Description\",\"Quantity\",\"Price\",\"Fees & Comm\",\"Amount\"",
        "\"07/01/2026\",\"MoneyLink Transfer\",\"\",\"Tfr BANK\",\"\",\"\",\"\",\"$5,000.00\"",
        "\"07/02/2026\",\"Spin-off\",\"VOO\",\"SPIN CO\",\"3\",\"\",\"\",\"\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ImportPlan plan = service.plan(Fixtures.request(CHEN, ImportLog.EMPTY, List.of(new StatementFile("s.csv", csv))));
    assertThat(plan.problems()).isEmpty();
    assertThat(plan.transactions()).singleElement().satisfies(t -> assertThat(t.transaction().action()).isEqualTo(Action.DEPOSIT));
    assertThat(plan.notUnderstood()).singleElement().satisfies(n -> {
      assertThat(n.origin().line()).isEqualTo(4);
      assertThat(n.what()).isEqualTo("Spin-off 3 VOO");
    });
  }

  @Test
  void fidelity_exports_reconcile_with_the_long_term_capital_gain_distribution_booked() {
    ImportPlan plan = service.plan(Fixtures.request(FIXTURE_HOUSEHOLD, ImportLog.EMPTY, List.of(
        Fixtures.file(RESOURCES.resolve("csv").resolve("Accounts_History.csv")),
        Fixtures.file(RESOURCES.resolve("csv").resolve("Portfolio_Positions_Nov-20-2026.csv")))));
    assertThat(plan.problems()).isEmpty();
    // fid-indiv cash: 25,887.50 - 2 x 8,407.50 + 8.23 + 24.01 - 24.01 + 5.50 + 3,751.21 - 3,735.00 = 9,102.44, the statement's.
    assertThat(plan.differences()).isEmpty();
    assertThat(plan.reconciliation()).hasSize(5);
    assertThat(plan.transactions()).filteredOn(t -> t.transaction().action() == Action.CAP_GAIN_DISTRIBUTION)
        .extracting(t -> t.transaction().amount().orElseThrow().toPlainString()).containsExactly("5.50");
    assertThat(plan.notImported()).extracting(Note::what).containsExactly(
        "DISTRIBUTION NVIDIA CORP (NVDA) FORWARD SPLIT R/D 06/07/26 (Cash) 90 NVDA");
    assertThat(plan.notImported()).extracting(Note::reason).singleElement().asString().contains("not its ratio");
  }


  @Test
  void fidelity_and_vanguard_lot_details_become_opening_lots() {
    ImportPlan plan = service.plan(Fixtures.request(FIXTURE_HOUSEHOLD, ImportLog.EMPTY, List.of(
        Fixtures.file(RESOURCES.resolve("csv").resolve("Unrealized_Gain_Loss_Jun-30-2026.csv")),
        Fixtures.file(RESOURCES.resolve("csv").resolve("UnrealizedGainLoss_Jun-30-2026.csv")))));

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.lots()).extracting(l -> l.lot().account() + " " + l.lot().symbol() + " " + l.lot().quantity().toPlainString() + " "
        + l.lot().costBasis().toPlainString() + " " + l.lot().acquired().orElseThrow() + " " + l.washSaleDisallowed().toPlainString())
        .containsExactly(
            "broker BND 100.0 8000.00 2018-04-02 0.00",
            "broker BND 20.5 1528.00 2026-03-10 40.00",
            "fid-indiv VTI 40 6010.00 2020-03-02 0",
            "fid-indiv VTI 12.5 3520.00 2026-05-28 145.00",
            "fid-roth ITOT 55.125 6063.75 2024-01-15 0");
    // Opening lots dated by their export: later imports take no row of these accounts dated on or before it.
    assertThat(ImportService.entries(plan)).filteredOn(e -> e.kind() == ImportLog.Kind.LOT).extracting(ImportLog.Entry::date)
        .containsOnly(LocalDate.of(2026, 6, 30));
  }

  @Test
  void a_csv_split_gives_the_shares_added_and_its_ratio_comes_from_the_shares_held_the_day_before() {
    ImportPlan plan = service.plan(Fixtures.request(FIXTURE_HOUSEHOLD, ImportLog.EMPTY, List.of(
        Fixtures.file(RESOURCES.resolve("csv").resolve("schwab-split.csv")))));

    assertThat(plan.problems()).isEmpty();
    // 10 VTI held on 2026-08-02, 30 added: (10 + 30) : 10 = 4:1 (Publication 550, "Stock splits": the basis is spread).
    assertThat(plan.transactions()).extracting(t -> t.transaction().date() + " " + t.transaction().action().code()
        + t.transaction().terms().map(x -> " " + x).orElse("")).containsExactly(
        "2026-02-09 deposit", "2026-02-10 buy", "2026-08-03 split 4:1");
    HouseholdData after = Fixtures.apply(Fixtures.household(FIXTURE_HOUSEHOLD), plan);
    assertThat(HouseholdEngine.DEFAULT.books(after, Optional.of(LocalDate.of(2026, 11, 20)), 2026).lots())
        .extracting(l -> l.symbol() + " " + l.quantity().stripTrailingZeros().toPlainString() + " " + l.costBasis().toPlainString())
        .containsExactly("VTI 40 2500.00");
  }
}
