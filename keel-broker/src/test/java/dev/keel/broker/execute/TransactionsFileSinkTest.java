package dev.keel.broker.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionsFileSinkTest {

  static final LocalDate DAY = LocalDate.of(2026, 11, 30);

  @Test
  void test_rows_follow_the_files_columns_and_missing_columns_are_added(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("transactions.csv");
    Files.writeString(file, "# my history\nDate,Account,Action,Symbol,Quantity,Price\n2026-01-05,joint,buy,VTI,10,300\n");
    TransactionsFileSink sink = new TransactionsFileSink(file, dir.resolve(".keel/booked.jsonl"));

    sink.book(List.of(new BookedFill("f1", List.of(Transaction.trade(DAY, "joint", Action.SELL, "VTI", "4", "310.50")
        .withLotId("L1").withFees("0.02")))));

    assertThat(Files.readAllLines(file)).containsExactly(
        "# my history",
        "Date,Account,Action,Symbol,Quantity,Price,amount,fees,lot_id",
        "2026-01-05,joint,buy,VTI,10,300,,,",
        "2026-11-30,joint,sell,VTI,4,310.5,,0.02,L1");
    assertThat(sink.bookedFillIds()).containsExactly("f1");
  }

  @Test
  void test_a_new_file_gets_the_header(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("transactions.csv");
    TransactionsFileSink sink = new TransactionsFileSink(file, dir.resolve("booked.jsonl"));

    sink.book(List.of(new BookedFill("f1", List.of(Transaction.trade(DAY, "joint", Action.BUY, "BND", "3", "72.5")))));

    assertThat(Files.readAllLines(file)).containsExactly("date,account,action,symbol,quantity,price,amount,fees,lot_id",
        "2026-11-30,joint,buy,BND,3,72.5,,,");
  }

  @Test
  void test_a_batch_recorded_but_not_written_is_not_booked_and_one_written_is(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("transactions.csv");
    Files.writeString(file, "date,account,action,symbol,quantity,price,amount,fees,lot_id\n");
    TransactionsFileSink dying = new TransactionsFileSink(file, dir.resolve("booked.jsonl"), () -> {
      throw new IllegalStateException("killed");
    });
    try {
      dying.book(List.of(new BookedFill("f1", List.of(Transaction.trade(DAY, "joint", Action.BUY, "BND", "3", "72.5")))));
    } catch (IllegalStateException expected) {
      // the process died between the two steps
    }
    TransactionsFileSink sink = new TransactionsFileSink(file, dir.resolve("booked.jsonl"));

    assertThat(sink.bookedFillIds()).isEmpty();
    sink.book(List.of(new BookedFill("f1", List.of(Transaction.trade(DAY, "joint", Action.BUY, "BND", "3", "72.5")))));
    assertThat(sink.bookedFillIds()).containsExactly("f1");
    // Edited by hand afterwards: the batch's rows are still there, so it still counts as booked.
    Files.writeString(file, "2026-12-01,joint,deposit,,,,100,,\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(sink.bookedFillIds()).containsExactly("f1");
  }
}
