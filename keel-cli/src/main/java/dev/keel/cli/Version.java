package dev.keel.cli;

import picocli.CommandLine;

/** Reads the version from the jar's manifest when there is one. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = KeelCli.class.getPackage().getImplementationVersion();
    return new String[] {"keel " + (version == null ? "development build" : version)};
  }
}
