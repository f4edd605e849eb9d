/**
 * Execution without an API: plans read from a proposal (JSON) or an order file (CSV), and the
 * {@link dev.keel.broker.file.FileBroker} that writes orders to a file for a person to key in at
 * the custodian and reads the fills file the person brings back (docs/formats.md).
 */
package dev.keel.broker.file;
