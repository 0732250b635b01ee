package io.pushmill.server;

import io.pushmill.server.logging.Logging;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --log.level} and {@code --log.format} for commands without the gateway's flags. */
public final class LogOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--log.level", defaultValue = "info", paramLabel = "<level>",
      description = "Only log messages with this severity or above: debug, info, warn, error.")
  String level;

  @Option(names = "--log.format", defaultValue = "logfmt", paramLabel = "<format>",
      description = "logfmt or json.")
  String format;

  /** Configures logging to stderr; a bad value is a usage error naming the flag. */
  public void configure() {
    try {
      Logging.configure(Logging.parseLevel(level), Logging.Format.parse(format), System.err);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "invalid --log.level or --log.format: "
          + e.getMessage());
    }
  }
}
