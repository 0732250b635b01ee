package io.pushmill.server;

import io.pushmill.server.gateway.GatewayCommand;
import io.pushmill.server.gateway.GatewayRunner;
import io.pushmill.server.runner.RunnerOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pushmill up}: the whole system in one process for one machine: {@code pushmill server}'s
 * flags with other defaults (loopback addresses, worker slots, the tutorial's demo, expiry of the
 * schedules' groups, the gateway's persistence file in the data directory), and a summary of where
 * everything is once it serves.
 */
@Command(name = "up", sortOptions = false, showDefaultValues = true,
    defaultValueProvider = UpCommand.Defaults.class,
    description = "Everything in one process on this machine: the gateway on 127.0.0.1:9091 "
        + "(its groups kept in <data-dir>/" + UpCommand.PERSISTENCE_FILE + " unless "
        + "--persistence.file is given), the API on 127.0.0.1:8000, four worker slots, the "
        + "embedded database in --data-dir, the tutorial's demo, and expiry of the groups that "
        + "schedules push. Stop it with Ctrl-C.")
public final class UpCommand implements Callable<Integer> {
  /** The gateway's persistence file in the data directory, unless --persistence.file is given. */
  public static final String PERSISTENCE_FILE = "gateway.persistence";

  @Spec CommandSpec spec;
  @Mixin GatewayCommand gateway;
  @Mixin RunnerOptions runner;
  @Mixin ServerOptions server;

  /** {@code up}'s own defaults for flags it shares with {@code server}. */
  public static final class Defaults implements IDefaultValueProvider {
    static final Map<String, String> DEFAULTS = Map.of(
        "--web.listen-address", "127.0.0.1:9091",
        "--api.listen-address", "127.0.0.1:8000",
        "--worker.slots", "4",
        "--demo", "true",
        "--push.schedule-ttl", "true");

    @Override
    public String defaultValue(ArgSpec arg) {
      return arg instanceof OptionSpec o ? DEFAULTS.get(o.longestName()) : null;
    }
  }

  @Override
  public Integer call() {
    if (!spec.commandLine().getParseResult().hasMatchedOption("--persistence.file")) {
      spec.findOption("--persistence.file").setValue(persistenceFile().toString());
    }
    UpSummary summary = new UpSummary(spec.commandLine().getOut(), runner.dataDir(),
        gateway.routePrefix(), System.getenv());
    return server.run(gateway, runner, summary::print, GatewayRunner.Stop.onSignal());
  }

  Path persistenceFile() {
    return runner.dataDir().resolve(PERSISTENCE_FILE);
  }
}
