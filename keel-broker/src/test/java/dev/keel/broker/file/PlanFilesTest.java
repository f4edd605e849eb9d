package dev.keel.broker.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.broker.execute.ExecutionPlan;
import dev.keel.broker.execute.PlannedTrade;
import dev.keel.core.rebalance.Side;
import dev.keel.io.read.Loaded;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanFilesTest {

  static final String PROPOSAL = """
      {"as_of": "2026-11-22", "acted": true, "trades": [
        {"account": "joint", "symbol": "VTI", "side": "sell", "quantity": "50", "price": 310.25, "amount": 15512.50,
         "lots": [{"lot_id": "J-VTI-2026", "quantity": "50", "term": "short"}], "reason": "harvest"},
        {"account": "joint", "symbol": "ITOT", "side": "buy", "quantity": "120", "price": 129.10, "lots": []}],
       "harvests": [{"account": "joint", "symbol": "VTI", "substitute": "ITOT", "lot_id": "J-VTI-2026"}]}
      """;

  @Test
  void test_proposal_json_gives_trades_lots_prices_and_harvest_legs() {
    Loaded<ExecutionPlan> plan = PlanFiles.read("proposal.json", PROPOSAL);

    assertThat(plan.ok()).as(plan.problems().toString()).isTrue();
    List<PlannedTrade> trades = plan.value().get().trades();
    assertThat(trades).hasSize(2);
    assertThat(trades.get(0).side()).isEqualTo(Side.SELL);
    assertThat(trades.get(0).lots()).singleElement().satisfies(l -> assertThat(l.lotId().value()).isEqualTo("J-VTI-2026"));
    assertThat(trades.get(0).price()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("310.25"));
    assertThat(trades).allMatch(PlannedTrade::harvest);
  }

  @Test
  void test_quantities_as_json_numbers_read_exactly_as_strings_do() {
    // keel rebalance --format json writes quantities as numbers in plain decimal text (docs/formats.md);
    // proposals written before, with strings, still read the same.
    String numbers = PROPOSAL.replace("\"quantity\": \"50\"", "\"quantity\": 50.1234")
        .replace("\"quantity\": \"120\"", "\"quantity\": 120");
    String strings = PROPOSAL.replace("\"quantity\": \"50\"", "\"quantity\": \"50.1234\"");

    List<PlannedTrade> fromNumbers = PlanFiles.read("n.json", numbers).value().get().trades();
    List<PlannedTrade> fromStrings = PlanFiles.read("s.json", strings).value().get().trades();

    assertThat(fromNumbers.get(0).quantity()).isEqualByComparingTo("50.1234");
    assertThat(fromNumbers.get(0).lots()).singleElement()
        .satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("50.1234"));
    assertThat(fromNumbers.get(1).quantity()).isEqualByComparingTo("120");
    for (int i = 0; i < 2; i++) {
      assertThat(fromNumbers.get(i).quantity()).isEqualByComparingTo(fromStrings.get(i).quantity());
    }
  }

  @Test
  void test_the_same_proposal_has_the_same_id_and_another_a_different_one() {
    ExecutionPlan a = PlanFiles.read("a.json", PROPOSAL).value().get();
    ExecutionPlan b = PlanFiles.read("b.json", PROPOSAL.replace("\"quantity\": \"120\"", "\"quantity\": \"121\"")).value()
        .get();

    assertThat(PlanFiles.read("a.json", PROPOSAL).value().get().id()).isEqualTo(a.id());
    assertThat(b.id()).isNotEqualTo(a.id());
  }

  @Test
  void test_every_problem_of_a_bad_proposal_at_once() {
    Loaded<ExecutionPlan> plan = PlanFiles.read("p.json", """
        {"as_of": "22/11/2026", "trades": [{"account": "", "symbol": "VTI", "side": "short", "quantity": "x"}]}
        """);

    assertThat(plan.value()).isEmpty();
    assertThat(plan.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
        "p.json: as_of: \"22/11/2026\" is not a date; expected YYYY-MM-DD",
        "p.json: trades[0].account: is missing",
        "p.json: trades[0].side: \"short\" is not one of buy, sell",
        "p.json: trades[0].quantity: \"x\" is not a number");
  }

  @Test
  void test_order_file_by_header_names_with_lot_columns() {
    Loaded<ExecutionPlan> plan = PlanFiles.read("orders.csv", """
        side,account,symbol,quantity,order_type,limit_price,lot_id,lot_quantity,lot_acquired
        sell,joint,VTI,60,market,,J-VTI-2017,40,2017-03-10
        sell,joint,VTI,60,market,,J-VTI-2020,20,2020-01-02
        buy,joint,BND,100,limit,72.10,,,
        """);

    assertThat(plan.ok()).as(plan.problems().toString()).isTrue();
    List<PlannedTrade> trades = plan.value().get().trades();
    assertThat(trades).hasSize(2);
    assertThat(trades.get(0).lots()).extracting(l -> l.lotId().value() + ":" + l.quantity().toPlainString())
        .containsExactly("J-VTI-2017:40", "J-VTI-2020:20");
    assertThat(trades.get(1).price()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("72.10"));
  }

  @Test
  void test_order_file_as_keel_rebalance_out_writes_it() {
    Loaded<ExecutionPlan> plan = PlanFiles.read("orders.csv", """
        account,symbol,side,quantity,order_type,limit_price
        alex-401k,VTI,sell,226,market,
        alex-401k,BND,buy,959,market,
        """);

    assertThat(plan.ok()).isTrue();
    assertThat(plan.value().get().trades()).extracting(PlannedTrade::describe)
        .containsExactly("sell 226 VTI in alex-401k", "buy 959 BND in alex-401k");
  }

  @Test
  void test_order_file_problems_name_line_and_column() {
    Loaded<ExecutionPlan> plan = PlanFiles.read("orders.csv", """
        account,symbol,side,quantity,order_type
        joint,VTI,sel,10,market
        joint,BND,buy,0,stop
        """);

    assertThat(plan.problems()).extracting(Object::toString).contains(
        "orders.csv:2: side: \"sel\" is not one of buy, sell",
        "orders.csv:3: quantity: \"0\" must be greater than zero",
        "orders.csv:3: order_type: \"stop\" is not one of market, limit");
  }

  @Test
  void test_fills_file() {
    Loaded<List<FillRow>> rows = FillsFileLoader.load("fills.csv", new StringReader("""
        client_order_id,date,quantity,price,fees,status,reason
        keel-abc-t1-a1,2026-11-30,10,301.25,0.05,,
        keel-abc-t2-a1,2026-11-30,,,,rejected,halted
        keel-abc-t3-a1,2026-13-01,-1,x,,done,
        """));

    assertThat(rows.value()).isEmpty();
    assertThat(rows.problems()).extracting(Object::toString).contains(
        "fills.csv:4: date: \"2026-13-01\" is not a date; expected YYYY-MM-DD",
        "fills.csv:4: status: \"done\" is not one of filled, canceled, expired, rejected");
  }
}
