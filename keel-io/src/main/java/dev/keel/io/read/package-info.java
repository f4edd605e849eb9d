/**
 * Reading a household folder: YAML and CSV loaders that return values plus every problem found
 * (file, line, field, value, expectation), built on Jackson's YAML and CSV parsers.
 */
package dev.keel.io.read;
