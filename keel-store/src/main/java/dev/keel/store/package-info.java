/**
 * Keel's store: the database (PostgreSQL, or H2 embedded in PostgreSQL mode), its Flyway
 * migrations, and the repositories of households, users, proposals, scans and the audit trail.
 * Adapters only: every business rule stays in keel-core.
 */
package dev.keel.store;
