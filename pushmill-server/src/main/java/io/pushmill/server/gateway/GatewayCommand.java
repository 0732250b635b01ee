package io.pushmill.server.gateway;

import io.pushmill.gateway.history.HistoryOptions;
import io.pushmill.gateway.http.BuildInfo;
import io.pushmill.gateway.http.GatewayOptions;
import io.pushmill.gateway.http.gocompat.GoDuration;
import io.pushmill.gateway.store.TtlPolicy;
import io.pushmill.server.FlagConverters;
import io.pushmill.server.logging.Logging;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pushmill gateway}: the Pushgateway, with upstream's flags, names and defaults. Booleans
 * take {@code --flag}, {@code --flag=true|false} and {@code --no-flag}, as kingpin does.
 */
@Command(
    name = "gateway",
    description =
        "The Pushgateway: accepts pushed metrics and exposes them for Prometheus to scrape.",
    versionProvider = VersionProvider.class,
    sortOptions = false,
    showDefaultValues = true)
public final class GatewayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Option(names = "--version", versionHelp = true, description = "Show the version.")
  boolean version;

  @Option(
      names = "--web.listen-address",
      defaultValue = ":9091",
      paramLabel = "<address>",
      description = "Addresses on which to expose metrics and the web interface. Repeatable.")
  List<String> listenAddresses;

  @Option(
      names = "--web.systemd-socket",
      negatable = true,
      arity = "0..1",
      paramLabel = "<bool>",
      fallbackValue = "true",
      defaultValue = "false",
      description = "Use systemd socket activation listeners (not supported).")
  boolean systemdSocket;

  @Option(
      names = "--web.config.file",
      defaultValue = "",
      paramLabel = "<file>",
      description = "Path to a configuration file that can enable TLS or authentication.")
  String webConfigFile;

  @Option(
      names = "--web.telemetry-path",
      defaultValue = "/metrics",
      paramLabel = "<path>",
      description = "Path under which to expose metrics.")
  String telemetryPath;

  @Option(
      names = "--web.external-url",
      defaultValue = "",
      paramLabel = "<url>",
      converter = FlagConverters.Url.class,
      description = "The URL under which the Pushgateway is externally reachable.")
  String externalUrl;

  @Option(
      names = "--web.route-prefix",
      defaultValue = "",
      paramLabel = "<prefix>",
      description =
          "Prefix for the internal routes of web endpoints. Defaults to the path of"
              + " --web.external-url.")
  String routePrefix;

  @Option(
      names = "--web.enable-lifecycle",
      negatable = true,
      arity = "0..1",
      paramLabel = "<bool>",
      fallbackValue = "true",
      defaultValue = "false",
      description = "Enable shutdown via HTTP request.")
  boolean enableLifecycle;

  @Option(
      names = "--web.enable-admin-api",
      negatable = true,
      arity = "0..1",
      paramLabel = "<bool>",
      fallbackValue = "true",
      defaultValue = "false",
      description = "Enable API endpoints for admin control actions.")
  boolean enableAdminApi;

  @Option(
      names = "--persistence.file",
      defaultValue = "",
      paramLabel = "<file>",
      description = "File to persist metrics. If empty, metrics are only kept in memory.")
  String persistenceFile;

  @Option(
      names = "--persistence.interval",
      defaultValue = "5m",
      paramLabel = "<duration>",
      converter = FlagConverters.PositiveDuration.class,
      description = "The minimum interval at which to write out the persistence file.")
  Duration persistenceInterval;

  @Option(
      names = "--persistence.refuse-corrupt",
      negatable = true,
      arity = "0..1",
      paramLabel = "<bool>",
      fallbackValue = "true",
      defaultValue = "false",
      description =
          "Refuse to start when the persistence file cannot be read (it is moved aside either"
              + " way).")
  boolean refuseCorrupt;

  @Option(
      names = "--push.disable-consistency-check",
      negatable = true,
      arity = "0..1",
      paramLabel = "<bool>",
      fallbackValue = "true",
      defaultValue = "false",
      description = "Do not check consistency of pushed metrics. DANGEROUS.")
  boolean disableConsistencyCheck;

  @Option(
      names = "--push.enable-utf8-names",
      negatable = true,
      arity = "0..1",
      paramLabel = "<bool>",
      fallbackValue = "true",
      defaultValue = "false",
      description = "Allow UTF-8 characters in metric and label names.")
  boolean utf8Names;

  @Option(
      names = "--push.max-body-size",
      defaultValue = "64MiB",
      paramLabel = "<size>",
      converter = FlagConverters.ByteSize.class,
      description = "Largest push body accepted, before and after decompression (e.g. 64MiB).")
  long maxBodySize;

  @Option(
      names = "--push.default-ttl",
      defaultValue = "0s",
      paramLabel = "<duration>",
      converter = FlagConverters.NonNegativeDuration.class,
      description =
          "Time to live of groups whose push URL sets none (with the __ttl__ pseudo-label): a"
              + " group expires this long after its last successful push. 0s: never (as"
              + " upstream).")
  Duration defaultTtl;

  @Option(
      names = "--history.max-samples-per-series",
      defaultValue = "" + HistoryOptions.DEFAULT_MAX_SAMPLES,
      paramLabel = "<count>",
      converter = FlagConverters.NonNegativeInt.class,
      description = "Pushes kept per series in the push history. 0 switches the history off.")
  int historySamples;

  @Option(
      names = "--history.retention",
      defaultValue = "24h",
      paramLabel = "<duration>",
      converter = FlagConverters.PositiveDuration.class,
      description = "How long the push history keeps a sample.")
  Duration historyRetention;

  @Option(
      names = "--history.max-bytes",
      defaultValue = "64MiB",
      paramLabel = "<size>",
      converter = FlagConverters.ByteSize.class,
      description = "Memory the push history may use, estimated (e.g. 64MiB).")
  long historyMaxBytes;

  @Option(
      names = "--log.level",
      defaultValue = "info",
      paramLabel = "<level>",
      converter = FlagConverters.LogLevel.class,
      description =
          "Only log messages with the given severity or above. One of: [debug, info, warn, error]")
  String logLevel;

  @Option(
      names = "--log.format",
      defaultValue = "logfmt",
      paramLabel = "<format>",
      converter = FlagConverters.LogFormat.class,
      description = "Output format of log messages. One of: [logfmt, json]")
  String logFormat;

  @Override
  public Integer call() {
    return prepare().run(server -> {}, GatewayRunner.Stop.onSignal());
  }

  /**
   * Checks the flags, configures logging as they say, and answers the gateway they describe, not
   * yet running; {@code pushmill server} runs it beside the API and the runner.
   */
  public GatewayRunner prepare() {
    return prepare(TtlPolicy.none());
  }

  /**
   * As {@link #prepare()}, with a per-group TTL policy between the push URL's {@code __ttl__} and
   * {@code --push.default-ttl}. The store asks it for every push without a URL TTL, and for each
   * persisted group while it loads, before the HTTP server starts; a policy that cannot answer yet
   * should answer empty (such groups get its TTL at their next push).
   */
  public GatewayRunner prepare(TtlPolicy ttlPolicy) {
    if (systemdSocket) {
      throw new ParameterException(
          spec.commandLine(),
          "--web.systemd-socket: socket activation is not supported; use --web.listen-address");
    }
    Logging.configure(Logging.parseLevel(logLevel), Logging.Format.parse(logFormat), System.err);
    return new GatewayRunner(this, ttlPolicy);
  }

  /** The HTTP settings these flags describe. */
  GatewayOptions options() {
    return GatewayOptions.defaults()
        .withListenAddresses(listenAddresses)
        .withPaths(
            telemetryPath,
            externalUrl.isEmpty() ? Optional.empty() : Optional.of(URI.create(externalUrl)),
            routePrefix)
        .withApis(enableAdminApi, enableLifecycle)
        .withPush(!disableConsistencyCheck, utf8Names, maxBodySize)
        .withWebConfigFile(
            webConfigFile.isEmpty() ? Optional.empty() : Optional.of(Path.of(webConfigFile)))
        .withReport(flags(), buildInfo())
        .withClock(InstantSource.system());
  }

  /**
   * Every flag and its value as upstream's status page shows them (durations as Go prints them).
   */
  Map<String, String> flags() {
    Map<String, String> flags = new TreeMap<>();
    for (OptionSpec o : spec.options()) {
      if (o.usageHelp() || o.versionHelp()) {
        continue;
      }
      String name = o.longestName().substring(2);
      Object v = o.getValue();
      String shown =
          switch (v) {
            case Duration d -> GoDuration.format(d);
            case List<?> l -> String.join(",", l.stream().map(String::valueOf).toList());
            case Long size
                when name.equals("push.max-body-size") || name.equals("history.max-bytes") ->
                o.originalStringValues().isEmpty()
                    ? o.defaultValue()
                    : o.originalStringValues().getLast();
            default -> String.valueOf(v);
          };
      flags.put(name, shown);
    }
    return flags;
  }

  static BuildInfo buildInfo() {
    String v = GatewayCommand.class.getPackage().getImplementationVersion();
    return BuildInfo.of(v == null ? "unknown" : v);
  }

  Optional<Path> persistenceFile() {
    return persistenceFile.isEmpty() ? Optional.empty() : Optional.of(Path.of(persistenceFile));
  }

  Duration persistenceInterval() {
    return persistenceInterval;
  }

  /** {@code --push.default-ttl}; zero for none. */
  Duration defaultTtl() {
    return defaultTtl;
  }

  /** The push history's bounds from the {@code --history.*} flags. */
  HistoryOptions historyOptions() {
    return new HistoryOptions(historySamples, historyRetention, historyMaxBytes);
  }

  boolean refuseCorrupt() {
    return refuseCorrupt;
  }

  String externalUrl() {
    return externalUrl;
  }

  /** The prefix of the gateway's routes ({@code ""} or e.g. {@code /gw}), for its URLs. */
  public String routePrefix() {
    return options().effectiveRoutePrefix();
  }
}
