package dev.keel.imports.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.problem.InvalidInputException;
import dev.keel.imports.booking.Fixtures;
import dev.keel.imports.booking.ImportPlan;
import dev.keel.imports.booking.ImportRequest;
import dev.keel.imports.booking.ImportService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HouseholdFolderTest {

  @TempDir Path dir;

  private void copyChen() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.CHEN)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
  }

  private ImportPlan plan(HouseholdFolder folder) {
    return ImportService.DEFAULT.plan(new ImportRequest(folder.data(), folder.numbers(), folder.log(), folder.prices(),
        Fixtures.chenFiles(), Optional.empty(), Fixtures.STATEMENT_DATE));
  }

  @Test
  void writes_new_files_with_their_headers_and_the_import_log() throws IOException {
    copyChen();
    HouseholdFolder folder = HouseholdFolder.open(dir);
    folder.write(plan(folder));
    List<String> transactions = Files.readAllLines(dir.resolve("transactions.csv"));
    assertThat(transactions.get(0)).isEqualTo("date,account,action,symbol,quantity,price,amount,fees,lot_id");
    assertThat(transactions).hasSize(27).contains("2026-05-12,joint,sell,VTI,30,300.00,9000.00,0.45,");
    assertThat(Files.readAllLines(dir.resolve("lots.csv"))).contains("jordan-brokerage,SCHB,50,1187.50,2026-05-20,");
    assertThat(Files.readAllLines(dir.resolve("prices.csv"))).contains("VTI,310.00,2026-11-20");
    assertThat(Files.readAllLines(dir.resolve("imports.csv"))).hasSize(1 + 26 + 4 + 8).first().isEqualTo(ImportLogCsv.HEADER);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
    // The folder loads, and a second import finds everything already there.
    HouseholdFolder again = HouseholdFolder.open(dir);
    ImportPlan second = plan(again);
    assertThat(second.addsNothing()).isTrue();
    assertThat(second.prices()).isEmpty();
  }

  @Test
  void appends_under_an_existing_header_in_its_own_column_order() throws IOException {
    copyChen();
    Files.writeString(dir.resolve("transactions.csv"), "# kept by hand\naccount,date,action,amount,symbol,quantity,price,fees\n"
        + "joint,2026-01-02,deposit,100.00,,,,");
    HouseholdFolder folder = HouseholdFolder.open(dir);
    folder.write(plan(folder));
    List<String> lines = Files.readAllLines(dir.resolve("transactions.csv"));
    assertThat(lines.subList(0, 3)).containsExactly("# kept by hand", "account,date,action,amount,symbol,quantity,price,fees",
        "joint,2026-01-02,deposit,100.00,,,,");
    assertThat(lines).contains("joint,2026-05-12,sell,9000.00,VTI,30,300.00,0.45");
  }

  @Test
  void a_folder_with_a_bad_import_log_is_refused_with_the_line() throws IOException {
    copyChen();
    Files.writeString(dir.resolve("imports.csv"), ImportLogCsv.HEADER + "\nofx:joint:1,joint,2026-13-01,transaction,x.qfx\n");
    assertThatThrownBy(() -> HouseholdFolder.open(dir)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2)));
  }
}
