package dev.keel.server.api;

import dev.keel.server.ScanRunner;
import dev.keel.store.Store;
import java.time.Clock;
import java.time.LocalDate;

/** What the handlers call: the store's repositories and services, the scan runner, the clock. */
public record Services(Store store, ScanRunner scans) {

  public Clock clock() {
    return store.clock();
  }

  /** Today in the server's clock: the as-of date when a request names none. */
  public LocalDate today() {
    return LocalDate.now(store.clock());
  }
}
