package dev.keel.imports.booking;

import static dev.keel.imports.booking.Fixtures.FIXTURE_HOUSEHOLD;
import static dev.keel.imports.booking.Fixtures.RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.portfolio.HouseholdData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * moves.qfx: two statements of one OFX 1.x download, the broker account (5550001234) and the
 * Fidelity account (Z11112222), with a same-day buy and sale (the sale listed first, the times
 * saying otherwise), a sale with tax withheld, a reinvested long-term capital gain distribution, a
 * short-term one, a transfer of shares between the two accounts given by both statements, and two
 * OFX corrections (REPLACE and DELETE).
 */
class ImportMovesTest {

  private final ImportService service = ImportService.DEFAULT;

  private static StatementFile moves() {
    return Fixtures.file(RESOURCES.resolve("ofx").resolve("moves.qfx"));
  }

  private static String describe(NewRow.NewTransaction t) {
    return t.transaction().date() + " " + t.transaction().account() + " " + t.transaction().action().code() + " "
        + t.transaction().symbol().map(Object::toString).orElse("-") + " "
        + t.transaction().quantity().map(q -> q.stripTrailingZeros().toPlainString()).orElse("-") + " "
        + t.transaction().amount().map(BigDecimal::toPlainString).orElse("-") + t.transaction().terms().map(x -> " " + x).orElse("");
  }

  @Test
  void every_move_is_booked_faithfully_and_the_statements_reconcile() {
    ImportPlan plan = service.plan(Fixtures.request(FIXTURE_HOUSEHOLD, ImportLog.EMPTY, List.of(moves())));

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.transactions()).extracting(ImportMovesTest::describe).containsExactly(
        "2026-01-05 broker deposit - - 10000.00",
        // DTTRADE 10:00 buy, 14:30 sale of the same shares: booked in that order though the file lists the sale first.
        "2026-02-10 broker buy VTI 10 2500.00",
        // TOTAL 2,499.00 is after 51.00 withheld: the sale's gross is 2,550.00 = 10 x 255.00, and the 51.00 leaves the account.
        "2026-02-10 broker sell VTI 10 2550.00",
        "2026-02-10 broker withdrawal - - 51.00",
        "2026-03-01 broker buy VTI 20 5200.00",
        // REINVEST of CGLONG: the distribution (long-term, Form 1099-DIV box 2a), then the purchase.
        "2026-06-15 broker cap_gain_distribution VTI - 26.20",
        "2026-06-15 broker buy VTI 0.1 26.20",
        // INCOME CGSHORT: an ordinary dividend for tax (Publication 550, "Capital Gain Distributions").
        "2026-06-15 broker dividend VTI - 4.00",
        "2026-06-15 broker dividend VTI - 10.00",
        // C-10 replaces C-9 (CORRECTACTION REPLACE): 11.00, not 10.00.
        "2026-06-20 broker dividend VTI - 11.00",
        // Both statements give the journal of 5 VTI; it is booked once, as a transfer in kind.
        "2026-07-01 broker transfer VTI 5 - Transfer[to=fid-indiv]");
    assertThat(plan.transactions()).filteredOn(t -> t.transaction().action().code().equals("withdrawal"))
        .extracting(NewRow::importId).containsExactly("ofx:broker:C-3/withheld");
    assertThat(plan.corrections()).extracting(c -> c.corrected() + " " + c.action())
        .containsExactly("ofx:broker:C-11 DELETE", "ofx:broker:C-9 REPLACE");
    assertThat(plan.alreadyImported()).extracting(Note::reason).containsExactly("the other account's side of a transfer booked once");
    assertThat(plan.notImported()).isEmpty();
    // broker cash: 10,000 - 2,500 + 2,550 - 51 - 5,200 + 26.20 - 26.20 + 4 + 10 + 11 = 4,824.00; VTI 10 - 10 + 20 + 0.1 - 5 = 15.1.
    assertThat(plan.reconciliation()).extracting(d -> d.account() + " " + d.symbol() + " " + d.statement().stripTrailingZeros().toPlainString()
        + " " + d.ledger().stripTrailingZeros().toPlainString()).containsExactly(
        "broker VTI 15.1 15.1", "broker cash 4824 4824", "fid-indiv ITOT 8 8", "fid-indiv VTI 5 5", "fid-indiv cash 0 0");
    // 8 ITOT received from another firm with AVGCOSTBASIS 95.125 and DTPURCHASE 2017-06-12: a lot of 8 x 95.125 = 761.00,
    // acquired on the original purchase date, logged as a transferred lot (it leaves the account's earlier rows alone).
    assertThat(plan.lots()).extracting(l -> l.lot().account() + " " + l.lot().symbol() + " " + l.lot().quantity().toPlainString() + " "
        + l.lot().costBasis().toPlainString() + " " + l.lot().acquired().orElseThrow() + " " + l.asOf() + " " + l.transferredIn())
        .containsExactly("fid-indiv ITOT 8 761.00 2017-06-12 2026-08-01 true");
    assertThat(ImportService.entries(plan)).filteredOn(e -> e.kind() == ImportLog.Kind.TRANSFERRED_LOT).extracting(ImportLog.Entry::importId)
        .containsExactly("ofx:fid-indiv:D-2");
  }

  @Test
  void importing_again_adds_nothing_and_an_older_download_never_brings_back_a_corrected_transaction() {
    ImportPlan first = service.plan(Fixtures.request(FIXTURE_HOUSEHOLD, ImportLog.EMPTY, List.of(moves())));
    ImportLog log = Fixtures.log(ImportLog.EMPTY, first);
    assertThat(log.entries()).filteredOn(e -> e.kind() == ImportLog.Kind.CORRECTED).extracting(ImportLog.Entry::importId)
        .containsExactly("ofx:broker:C-11", "ofx:broker:C-9");
    HouseholdData after = Fixtures.apply(Fixtures.household(FIXTURE_HOUSEHOLD), first);

    ImportPlan again = service.plan(new ImportRequest(after, Fixtures.numbers(FIXTURE_HOUSEHOLD), log, java.util.Set.of("VTI@2026-11-20", "ITOT@2026-11-20"), List.of(moves()),
        java.util.Optional.empty(), Fixtures.STATEMENT_DATE));
    assertThat(again.problems()).isEmpty();
    assertThat(again.addsNothing()).isTrue();

    // An older download that still has C-9 and C-11 as first sent, without their corrections.
    StatementFile older = withoutCorrections(moves());
    ImportPlan old = service.plan(new ImportRequest(after, Fixtures.numbers(FIXTURE_HOUSEHOLD), log, java.util.Set.of(), List.of(older),
        java.util.Optional.empty(), Fixtures.STATEMENT_DATE));
    assertThat(old.problems()).isEmpty();
    assertThat(old.transactions()).isEmpty();
  }

  @Test
  void a_correction_of_a_transaction_imported_before_stops_the_import_and_says_what_to_do() {
    StatementFile older = withoutCorrections(moves());
    ImportPlan first = service.plan(Fixtures.request(FIXTURE_HOUSEHOLD, ImportLog.EMPTY, List.of(older)));
    assertThat(first.problems()).isEmpty();
    ImportLog log = Fixtures.log(ImportLog.EMPTY, first);
    HouseholdData after = Fixtures.apply(Fixtures.household(FIXTURE_HOUSEHOLD), first);

    ImportPlan plan = service.plan(new ImportRequest(after, Fixtures.numbers(FIXTURE_HOUSEHOLD), log, java.util.Set.of(), List.of(moves()),
        java.util.Optional.empty(), Fixtures.STATEMENT_DATE));

    assertThat(plan.problems()).hasSize(2).allSatisfy(p -> {
      assertThat(p.file()).isEqualTo("moves.qfx");
      assertThat(p.field()).endsWith("CORRECTFITID");
      assertThat(p.message()).contains("imported before").contains("remove that row and its line of imports.csv");
    });
    assertThat(plan.problems()).extracting(p -> p.value()).containsExactlyInAnyOrder("C-9", "C-11");
  }

  @Test
  void a_transfer_out_of_the_household_is_listed_not_booked() {
    String text = new String(moves().content(), StandardCharsets.US_ASCII).replace("<ACCTID>Z11112222</INVACCTFROM>\n</TRANSFER>",
        "<ACCTID>9990001111</INVACCTFROM>\n</TRANSFER>");
    // Only the broker statement: the receiving account is outside the household.
    text = text.substring(0, text.indexOf("<INVSTMTTRNRS>\n<TRNUID>8")) + text.substring(text.indexOf("</INVSTMTMSGSRSV1>"));
    ImportPlan plan = service.plan(Fixtures.request(FIXTURE_HOUSEHOLD, ImportLog.EMPTY,
        List.of(new StatementFile("moves.qfx", text.getBytes(StandardCharsets.US_ASCII)))));

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.transactions()).extracting(t -> t.transaction().action().code()).doesNotContain("transfer");
    assertThat(plan.notImported()).filteredOn(n -> n.what().startsWith("TRANSFER")).extracting(Note::what, Note::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("TRANSFER OUT 5 VTI", "shares sent out of the household without a sale: Keel has no action "
            + "for that; if they went to an account of the household, import that account's statement too"));
    // The ledger keeps the 5 shares the statement no longer shows: the reconciliation says so.
    assertThat(plan.differences()).extracting(d -> d.symbol() + " " + d.statement().toPlainString() + " " + d.ledger().toPlainString())
        .containsExactly("VTI 15.1 20.1");
  }

  @Test
  void a_correction_action_other_than_replace_or_delete_is_a_problem_with_its_element_path() {
    String text = new String(moves().content(), StandardCharsets.US_ASCII).replace("<CORRECTACTION>REPLACE", "<CORRECTACTION>UPDATE");
    ImportPlan plan = service.plan(Fixtures.request(FIXTURE_HOUSEHOLD, ImportLog.EMPTY,
        List.of(new StatementFile("moves.qfx", text.getBytes(StandardCharsets.US_ASCII)))));

    assertThat(plan.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("moves.qfx");
      assertThat(p.field()).isEqualTo("OFX/INVSTMTMSGSRSV1/INVSTMTTRNRS[1]/INVSTMTRS/INVTRANLIST/INCOME[4]/CORRECTACTION");
      assertThat(p.value()).isEqualTo("UPDATE");
      assertThat(p.message()).isEqualTo("must be REPLACE or DELETE when CORRECTFITID is given");
    });
    assertThat(plan.transactions()).isEmpty();
  }

  /** The file as first sent: the correcting records removed. */
  private static StatementFile withoutCorrections(StatementFile file) {
    String text = new String(file.content(), StandardCharsets.US_ASCII);
    int replace = text.indexOf("<INCOME>\n<INVTRAN><FITID>C-10");
    text = text.substring(0, replace) + text.substring(text.indexOf("</INCOME>", replace) + "</INCOME>\n".length());
    int delete = text.indexOf("<INVBANKTRAN>\n<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260626");
    text = text.substring(0, delete) + text.substring(text.indexOf("</INVBANKTRAN>", delete) + "</INVBANKTRAN>\n".length());
    return new StatementFile(file.name(), text.getBytes(StandardCharsets.US_ASCII));
  }
}
