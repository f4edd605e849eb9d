package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store commands, run as a user runs them, on the embedded database in a temporary folder. */
class StoreCommandsTest {

  @TempDir Path tmp;

  String data() {
    return tmp.resolve("data").toString();
  }

  @Test
  void importExportImport_isByteStable() throws Exception {
    CliRun imported = CliRun.of("household", "import", "../examples/rivera", "--data", data());
    assertThat(imported.status()).as(imported.err()).isZero();
    assertThat(imported.out()).startsWith("imported rivera (Rivera household)");
    for (String[] args : new String[][] {
        {"household", "export", "rivera", tmp.resolve("one").toString(), "--data", data()},
        {"household", "import", tmp.resolve("one").toString(), "--id", "again", "--data", data()},
        {"household", "export", "again", tmp.resolve("two").toString(), "--data", data()}}) {
      CliRun run = CliRun.of(args);
      assertThat(run.status()).as(String.join(" ", args) + ": " + run.err()).isZero();
    }
    for (String file : new String[] {"household.yaml", "policy.yaml", "lots.csv", "transactions.csv", "prices.csv"}) {
      assertThat(Files.readString(tmp.resolve("two").resolve(file))).isEqualTo(Files.readString(tmp.resolve("one").resolve(file)));
    }
    assertThat(CliRun.of("household", "list", "--data", data()).out()).contains("rivera  Rivera household", "again  Rivera household");
  }

  @Test
  void badFolder_printsEveryProblem_exits2_andStoresNothing() throws Exception {
    Path bad = CliRun.exampleWith(Files.createDirectory(tmp.resolve("bad")));
    Files.writeString(bad.resolve("lots.csv"), Files.readString(bad.resolve("lots.csv")).replaceFirst("200,24000.00", "2O0,24000.00"));
    CliRun run = CliRun.of("household", "import", bad.toString(), "--data", data());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("lots.csv:2: quantity: \"2O0\"").contains("nothing was done");
    assertThat(CliRun.of("household", "list", "--data", data()).out()).isEmpty();
    assertThat(CliRun.of("household", "import", "../examples/rivera", "--data", data()).status()).isZero();
    CliRun again = CliRun.of("household", "import", "../examples/rivera", "--data", data());
    assertThat(again.status()).isEqualTo(2);
    assertThat(again.err()).contains("household rivera already exists");
  }

  @Test
  void userAdd_printsATokenOnce_andAuditVerifyFindsATamperedRow() throws Exception {
    CliRun.of("household", "import", "../examples/rivera", "--data", data());
    CliRun user = CliRun.of("user", "add", "alice", "--role", "advisor", "--households", "rivera", "--data", data());
    assertThat(user.status()).as(user.err()).isZero();
    assertThat(user.out()).contains("added advisor alice for rivera").containsPattern("\nkeel_[A-Za-z0-9_-]{43}\n");
    assertThat(CliRun.of("user", "add", "bob", "--role", "owner", "--data", data()).status()).isEqualTo(2);
    CliRun scan = CliRun.of("scan", "--as-of", "2026-11-22", "--data", data());
    assertThat(scan.status()).as(scan.err()).isZero();
    assertThat(scan.out()).contains("1 done").contains("rivera  done  band breached  proposal ");

    CliRun export = CliRun.of("audit", "export", "--household", "rivera", "--format", "csv", "--data", data());
    assertThat(export.status()).as(export.err()).isZero();
    assertThat(export.out()).startsWith("seq,at,actor,action,entity_type,entity_id,household,state,hash\n")
        .contains(",household.imported,household,rivera,rivera,").contains(",proposal.created,proposal,");
    CliRun json = CliRun.of("audit", "export", "--from", "2000-01-01", "--data", data());
    assertThat(json.out()).contains("\"action\" : \"user.added\"").contains("\"estimated_tax\"");

    CliRun ok = CliRun.of("audit", "verify", "--data", data());
    assertThat(ok.status()).isZero();
    assertThat(ok.out()).startsWith("audit trail verified: ");

    String url = "jdbc:h2:file:" + tmp.resolve("data").toAbsolutePath().resolve("keel") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      s.execute("UPDATE audit_event SET actor = 'mallory' WHERE seq = 2");
    }
    CliRun broken = CliRun.of("audit", "verify", "--data", data());
    assertThat(broken.status()).isEqualTo(1);
    assertThat(broken.err()).contains("event 2 was changed after it was written").contains("BROKEN");
  }

  @Test
  void demo_loadsBothBundledExamples() {
    assertThat(ServeCommand.bundled("rivera").files()).containsKeys("household.yaml", "policy.yaml", "lots.csv",
        "transactions.csv", "prices.csv");
    assertThat(ServeCommand.bundled("wash-sales").find("household.yaml")).isPresent();
  }
}
