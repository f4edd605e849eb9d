package dev.keel.core.engine;

import dev.keel.core.portfolio.HouseholdData;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.ledger.Lot;
import dev.keel.core.problem.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The references of policy.yaml that only the booked ledger can resolve: each {@code
 * restricted_lots} entry must be the id of a lot the household holds or held. A typo there would
 * leave the lot it meant to protect free to be sold.
 */
final class LedgerReferences {

  private LedgerReferences() {}

  /**
   * @param books the ledger over the whole history, so that every lot that ever existed is known
   * @return one problem per unknown id; line 0, to be placed by whoever can read policy.yaml
   */
  static List<Problem> check(HouseholdData data, LedgerResult books) {
    Set<String> restricted = data.policy().rebalance().restrictedLots();
    if (restricted.isEmpty()) {
      return List.of();
    }
    Set<String> known = new HashSet<>();
    for (Lot lot : books.lots()) {
      known.add(lot.id().value());
    }
    for (Disposal d : books.disposals()) {
      known.add(d.lotId().value());
    }
    return new TreeSet<>(restricted).stream()
        .filter(id -> !known.contains(id))
        .map(id -> new Problem("policy.yaml", 0, "restricted_lots", id,
            "is not the id of any lot in lots.csv or transactions.csv" + nearest(id, known)))
        .toList();
  }

  /** "; did you mean J-VTI-2017?" for the known id closest in spelling, when one is close. */
  private static String nearest(String id, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(id, candidate);
      if (d < bestDistance || d == bestDistance && best != null && candidate.compareTo(best) < 0) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, id.length() / 4) ? "; did you mean " + best + "?" : "";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
