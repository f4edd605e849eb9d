package dev.keel.store.access;

import dev.keel.store.household.HouseholdId;
import java.util.Objects;
import java.util.Set;

/** A user: an admin sees every household; others only those in {@code households}. */
public record User(String id, String name, Role role, Set<HouseholdId> households) {

  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    households = Set.copyOf(households);
  }

  public boolean canSee(HouseholdId household) {
    return role == Role.ADMIN || households.contains(household);
  }
}
