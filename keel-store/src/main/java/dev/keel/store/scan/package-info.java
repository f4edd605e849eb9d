/**
 * The daily scan: for each household, drift on the as-of date, and a proposal when a check is due
 * and a band is breached. One result per household per date (a unique key), claimed with
 * {@code FOR UPDATE SKIP LOCKED} so that several workers or servers scan each household once, and
 * each household scanned in one transaction, so a crash leaves it pending rather than half done.
 */
package dev.keel.store.scan;
