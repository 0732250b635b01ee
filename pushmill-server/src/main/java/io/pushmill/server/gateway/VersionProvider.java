package io.pushmill.server.gateway;

import io.pushmill.gateway.http.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}, laid out as upstream's {@code version.Print}, on stdout. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    BuildInfo b = GatewayCommand.buildInfo();
    return new String[] {
      "pushmill, version "
          + b.version()
          + " (branch: "
          + b.branch()
          + ", revision: "
          + b.revision()
          + ")",
      "  build user:       " + b.buildUser(),
      "  build date:       " + b.buildDate(),
      "  java version:     " + b.runtimeVersion(),
      "  platform:         " + System.getProperty("os.name") + "/" + System.getProperty("os.arch"),
    };
  }
}
