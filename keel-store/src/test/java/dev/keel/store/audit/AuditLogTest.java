package dev.keel.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.store.Database;
import dev.keel.store.StoreSuite;
import dev.keel.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuditLogTest {

  @Nested
  class OnH2 extends Cases {
    @Override
    protected Database newDatabase() {
      return TestDatabases.h2();
    }
  }

  @Nested
  class OnPostgres extends Cases {
    @Override
    protected Database newDatabase() {
      return TestDatabases.postgres();
    }
  }

  abstract static class Cases extends StoreSuite {

    final AuditLog audit = new AuditLog(Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC));

    void appendFive() {
      for (int i = 1; i <= 5; i++) {
        int n = i;
        database().jdbi().useTransaction(h ->
            audit.append(h, "alice", "proposal.approved", "proposal", "p" + n, "rivera", Map.of("status", "approved")));
      }
    }

    void sql(String statement) {
      database().jdbi().useHandle(h -> h.execute(statement));
    }

    @Test
    void chain_ofUntouchedEvents_verifies_andEachEventCarriesThePreviousHash() {
      appendFive();
      AuditLog.Verification v = audit.verify(database().jdbi());
      assertThat(v.ok()).isTrue();
      assertThat(v.events()).isEqualTo(5);
      var events = audit.list(database().jdbi(), Optional.of("rivera"), Optional.empty(), Optional.empty());
      assertThat(events.get(0).prevHash()).isEqualTo("0".repeat(64));
      for (int i = 1; i < events.size(); i++) {
        assertThat(events.get(i).prevHash()).isEqualTo(events.get(i - 1).hash());
      }
    }

    @Test
    void editedState_isFound() {
      appendFive();
      sql("UPDATE audit_event SET state = '{\"status\":\"rejected\"}' WHERE seq = 3");
      AuditLog.Verification v = audit.verify(database().jdbi());
      assertThat(v.ok()).isFalse();
      assertThat(v.breaks()).containsExactly("event 3 was changed after it was written (its hash does not match its content)");
    }

    @Test
    void editedActor_withItsHashRecomputedNaively_isStillFoundByTheNextEvent() {
      appendFive();
      sql("UPDATE audit_event SET actor = 'mallory', hash = '" + "f".repeat(64) + "' WHERE seq = 2");
      assertThat(audit.verify(database().jdbi()).breaks())
          .anySatisfy(b -> assertThat(b).startsWith("event 2 was changed"))
          .anySatisfy(b -> assertThat(b).startsWith("event 3 does not follow"));
    }

    @Test
    void deletedMiddleRow_isFound() {
      appendFive();
      sql("DELETE FROM audit_event WHERE seq = 3");
      assertThat(audit.verify(database().jdbi()).breaks())
          .contains("event 3 is missing", "event 4 does not follow the event before it (previous hash differs)");
    }

    @Test
    void deletedLastRow_isFoundThroughTheHead() {
      appendFive();
      sql("DELETE FROM audit_event WHERE seq = 5");
      assertThat(audit.verify(database().jdbi()).breaks()).singleElement().asString().contains("the chain ends at event 4");
    }

    @Test
    void rolledBackChange_leavesNoEvent() {
      appendFive();
      try {
        database().jdbi().useTransaction(h -> {
          audit.append(h, "alice", "x", "y", "z", null, Map.of());
          throw new IllegalStateException("the change failed");
        });
      } catch (IllegalStateException expected) {
        // the event goes with the change
      }
      AuditLog.Verification v = audit.verify(database().jdbi());
      assertThat(v.ok()).isTrue();
      assertThat(v.events()).isEqualTo(5);
    }
  }
}
