package io.pushmill.server;

import io.pushmill.server.cli.JobsCommand;
import io.pushmill.server.cli.RunCommand;
import io.pushmill.server.cli.ScheduleCommand;
import io.pushmill.server.cli.ScriptCommand;
import io.pushmill.server.gateway.GatewayCommand;
import io.pushmill.server.gateway.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of the {@code pushmill} command. Subcommands: {@code gateway}; {@code server} and
 * {@code worker} (which share {@link PushmillProcess}; {@code up} joins them); the client commands
 * {@code script}, {@code schedule}, {@code run} and {@code jobs}.
 */
@Command(
    name = "pushmill",
    description = "A job runner and a Pushgateway-compatible push gateway in one program.",
    versionProvider = VersionProvider.class,
    subcommands = {
      UpCommand.class,
      GatewayCommand.class,
      ServerCommand.class,
      WorkerCommand.class,
      ScriptCommand.class,
      ScheduleCommand.class,
      RunCommand.class,
      JobsCommand.class
    })
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Option(names = "--version", versionHelp = true, description = "Show the version.")
  boolean version;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing subcommand: up, gateway, server, worker, script, schedule, run or jobs");
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code: 0, 1 on failure, 2 for bad usage. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The command line, for callers that redirect its output. */
  public static CommandLine commandLine() {
    CommandLine cl = KingpinNegation.apply(new CommandLine(new Main()));
    // As kingpin: one line naming the problem, not the whole usage.
    cl.setParameterExceptionHandler(
        (e, args) -> {
          e.getCommandLine()
              .getErr()
              .println("pushmill: error: " + e.getMessage() + ", try --help");
          return CommandLine.ExitCode.USAGE;
        });
    return cl;
  }
}
