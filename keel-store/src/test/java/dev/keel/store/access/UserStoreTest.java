package dev.keel.store.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.engine.HouseholdEngine;
import dev.keel.store.Database;
import dev.keel.store.StoreSuite;
import dev.keel.store.TestDatabases;
import dev.keel.store.audit.AuditLog;
import dev.keel.store.household.Examples;
import dev.keel.store.household.HouseholdId;
import dev.keel.store.household.HouseholdStore;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UserStoreTest {

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

    UserStore users() {
      AuditLog audit = new AuditLog(Clock.systemUTC());
      new HouseholdStore(database().jdbi(), HouseholdEngine.DEFAULT, audit, Clock.systemUTC())
          .importFolder(HouseholdId.of("rivera"), Examples.files("rivera"), "test");
      return new UserStore(database().jdbi(), audit, Clock.systemUTC());
    }

    @Test
    void token_authenticatesItsUser_andOnlyItsHashIsStored() {
      UserStore users = users();
      UserStore.Created created = users.add("casey", Role.CLIENT, Set.of(HouseholdId.of("rivera")), "admin");

      assertThat(created.token()).startsWith("keel_").hasSizeGreaterThan(40);
      assertThat(created.toString()).doesNotContain(created.token());
      User user = users.authenticate(created.token()).orElseThrow();
      assertThat(user.name()).isEqualTo("casey");
      assertThat(user.role()).isEqualTo(Role.CLIENT);
      assertThat(user.canSee(HouseholdId.of("rivera"))).isTrue();
      assertThat(user.canSee(HouseholdId.of("other"))).isFalse();
      String stored = database().jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM api_token").mapTo(String.class).one());
      assertThat(stored).isEqualTo(UserStore.hash(created.token())).isNotEqualTo(created.token());
      String audit = database().jdbi().withHandle(h ->
          String.join("\n", h.createQuery("SELECT state FROM audit_event").mapTo(String.class).list()));
      assertThat(audit).doesNotContain(created.token());
    }

    @Test
    void unknownOrMalformedToken_authenticatesNobody() {
      UserStore users = users();
      String token = users.add("casey", Role.ADMIN, Set.of(), "admin").token();
      assertThat(users.authenticate(token.substring(0, token.length() - 1) + "x")).isEmpty();
      assertThat(users.authenticate("Bearer " + token)).isEmpty();
      assertThat(users.authenticate(null)).isEmpty();
    }

    @Test
    void duplicateName_orUnknownHousehold_isRefused() {
      UserStore users = users();
      users.add("casey", Role.ADVISOR, Set.of(HouseholdId.of("rivera")), "admin");
      assertThatThrownBy(() -> users.add("casey", Role.ADMIN, Set.of(), "admin")).hasMessageContaining("already exists");
      assertThatThrownBy(() -> users.add("drew", Role.CLIENT, Set.of(HouseholdId.of("nobody")), "admin"))
          .hasMessageContaining("household nobody is not stored");
      assertThat(users.findByName("drew")).isEmpty();
    }
  }
}
