/**
 * OFX and QFX investment statements, versions 1.x (SGML) and 2.x (XML), read into a {@link
 * dev.keel.imports.ofx.OfxElement} tree (the JDK's StAX parser for XML, a small tokenizer for the
 * SGML variant whose leaf elements have no end tags) and mapped to a {@link
 * dev.keel.imports.statement.Statement} by {@link dev.keel.imports.ofx.OfxStatementReader}.
 *
 * <p>Why not ofx4j: it reads every amount and quantity into a {@code double} and every date into a
 * {@code java.util.Date}, reports the first problem only and without its place, and ignores elements
 * it does not model; Keel keeps amounts exact and names every problem with its element path.
 */
package dev.keel.imports.ofx;
