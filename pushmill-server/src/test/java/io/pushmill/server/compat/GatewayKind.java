package io.pushmill.server.compat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The two gateways under test and how each is started: same flags, upstream's names. */
public enum GatewayKind {
  /** Debian's prometheus-pushgateway 1.5.1, the reference. */
  UPSTREAM {
    @Override
    List<String> command(int port, List<String> flags) {
      List<String> command = new ArrayList<>();
      command.add(UPSTREAM_BINARY.toString());
      command.add("--web.listen-address=127.0.0.1:" + port);
      // Debian's build defaults to a state file; both gateways must start empty and stay in memory.
      command.add("--persistence.file=");
      command.addAll(flags);
      return command;
    }
  },

  /** Pushmill's {@code pushmill gateway}, run from the jar this module builds. */
  PUSHMILL {
    @Override
    List<String> command(int port, List<String> flags) {
      Path jar = Path.of("target", "pushmill.jar").toAbsolutePath();
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            jar + " is missing: the differential tests run after `package` (bin/mvnw verify)");
      }
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
      command.addAll(List.of("-jar", jar.toString(), "gateway"));
      command.add("--web.listen-address=127.0.0.1:" + port);
      command.add("--persistence.file=");
      command.addAll(flags);
      return command;
    }
  };

  static final Path UPSTREAM_BINARY = Path.of("/usr/bin/prometheus-pushgateway");

  abstract List<String> command(int port, List<String> flags);

  /**
   * The gateway compared with upstream: Pushmill, unless {@code -Dcompat.candidate=upstream}
   * asks for upstream against itself, which checks that the harness's normalisation is stable.
   */
  public static GatewayKind candidate() {
    return switch (System.getProperty("compat.candidate", "pushmill")) {
      case "pushmill" -> PUSHMILL;
      case "upstream" -> UPSTREAM;
      default ->
          throw new IllegalArgumentException(
              "compat.candidate must be pushmill or upstream: "
                  + System.getProperty("compat.candidate"));
    };
  }
}
