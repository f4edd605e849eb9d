package dev.keel.store.household;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Households already loaded, by what determines them: id, the household's revision, the prices'
 * revision and the policy version in force. A changed household or new prices give a new key, so
 * an entry is never stale; the least recently used entries are dropped past {@code capacity}.
 */
final class LoadedCache {

  record Key(HouseholdId id, long revision, long priceRevision, int policyVersion, LocalDate asOf) {}

  private final int capacity;
  private final Map<Key, StoredHousehold> entries;

  LoadedCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, StoredHousehold> eldest) {
        return size() > LoadedCache.this.capacity;
      }
    };
  }

  synchronized Optional<StoredHousehold> find(Key key) {
    return Optional.ofNullable(entries.get(key));
  }

  synchronized void put(Key key, StoredHousehold value) {
    entries.put(key, value);
  }
}
