/** The command line: thin picocli commands that load a folder, call the engine and print. */
package dev.keel.cli;
