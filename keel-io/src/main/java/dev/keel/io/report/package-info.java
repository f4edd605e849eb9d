/** Report writers: tables for people, JSON and CSV for programs. Formatting only; no rules. */
package dev.keel.io.report;
