package dev.keel.cli;

/** Output formats a command may offer. */
enum Format {
  TABLE,
  JSON,
  CSV
}
