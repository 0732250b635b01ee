package io.pushmill.server.runner;

import io.pushmill.gateway.http.gocompat.GoDuration;
import io.pushmill.runner.BadRequestException;
import io.pushmill.runner.RunnerConfig;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LanguageRuntimes;
import io.pushmill.runner.exec.RuntimeConfig;
import io.pushmill.server.FlagConverters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The runner's flags, shared by {@code pushmill server}, {@code worker} and {@code up}: storage,
 * worker identity, job timeouts and retention, the Python interpreter. Durations are Go's
 * ({@code 30s}, {@code 5m}, {@code 168h}). The worker's slot count is the command's own flag,
 * since its default differs. A bad value is a usage error (exit code 2) naming the flag.
 */
public final class RunnerOptions {
  /** The environment variable the database URL is read from, so a password stays off argv. */
  public static final String DATABASE_URL_ENV = "PUSHMILL_DATABASE_URL";
  private static final String NAME = "[A-Za-z0-9_.:-]{1,255}";

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--data-dir", defaultValue = "./data", paramLabel = "<dir>",
      description = "Directory of the embedded database, the admin token and the script caches.")
  Path dataDir;

  @Option(names = "--database-url", defaultValue = "${env:" + DATABASE_URL_ENV + "}",
      showDefaultValue = Visibility.NEVER, paramLabel = "<jdbc-url>",
      description = "JDBC URL of a PostgreSQL database shared by several processes (default: $"
          + DATABASE_URL_ENV + "; else the embedded H2 database in --data-dir).")
  String databaseUrl;

  @Option(names = "--worker.name", paramLabel = "<name>",
      description = "This worker's name, stable across restarts (default: the host name).")
  String workerName;

  @Option(names = "--worker.group", defaultValue = "default", paramLabel = "<group>",
      description = "Worker group, WM_WORKER_GROUP.")
  String workerGroup;

  @Option(names = "--worker.poll-interval", defaultValue = "500ms", paramLabel = "<duration>",
      converter = FlagConverters.PositiveDuration.class,
      description = "How often an idle worker looks for jobs queued by other processes.")
  Duration pollInterval;

  @Option(names = "--worker.claim-ahead", defaultValue = "50ms", paramLabel = "<duration>",
      converter = FlagConverters.NonNegativeDuration.class,
      description = "How long before its slot a worker claims a job and prepares it, so that "
          + "the process starts at the slot (0 to 1s; 0 claims jobs only once they are due).")
  Duration claimAhead;

  @Option(names = "--worker.heartbeat-interval", defaultValue = "5s", paramLabel = "<duration>",
      converter = FlagConverters.PositiveDuration.class,
      description = "How often a worker and its running jobs ping.")
  Duration heartbeatInterval;

  @Option(names = "--job.default-timeout", defaultValue = "15m", paramLabel = "<duration>",
      converter = FlagConverters.PositiveDuration.class,
      description = "Timeout of scripts that set none.")
  Duration defaultTimeout;

  @Option(names = "--job.zombie-timeout", defaultValue = "60s", paramLabel = "<duration>",
      converter = FlagConverters.PositiveDuration.class,
      description = "A running job whose worker has not pinged for this long is reaped.")
  Duration zombieTimeout;

  @Option(names = "--job.restart-limit", defaultValue = "3", paramLabel = "<n>",
      description = "How often the reaper requeues a job of an idempotent script.")
  int restartLimit;

  @Option(names = "--job.retention", defaultValue = "168h", paramLabel = "<duration>",
      converter = FlagConverters.PositiveDuration.class,
      description = "How long finished jobs and their logs are kept.")
  Duration retention;

  @Option(names = "--job.max-log-bytes", defaultValue = "2097152", paramLabel = "<bytes>",
      description = "The most of a job's output kept in its log.")
  long maxLogBytes;

  @Option(names = "--job.shutdown-grace", defaultValue = "10s", paramLabel = "<duration>",
      converter = FlagConverters.PositiveDuration.class,
      description = "On shutdown, how long running jobs may go on before they are ended.")
  Duration shutdownGrace;

  @Option(names = "--python.interpreter", paramLabel = "<path>",
      description = "The Python that runs python3 scripts, never a version-manager shim "
          + "(default: /usr/bin/python3 if present, else python3 on PATH).")
  Path pythonInterpreter;

  @Option(names = "--base-url", paramLabel = "<url>",
      description = "WM_BASE_URL and BASE_INTERNAL_URL of jobs: how scripts reach the API "
          + "(default: from --api.listen-address, else http://localhost:8000).")
  String baseUrl;

  /** The database URL, if one was given by flag or environment. */
  public Optional<String> databaseUrl() {
    return Optional.ofNullable(databaseUrl).filter(u -> !u.isBlank());
  }

  /** Absolute, so that caches and the database do not depend on the working directory. */
  public Path dataDir() {
    return dataDir.toAbsolutePath().normalize();
  }

  public Optional<String> baseUrl() {
    return Optional.ofNullable(baseUrl).filter(u -> !u.isBlank());
  }

  /**
   * The runner's configuration with {@code slots} worker slots and the given base URL; checks
   * every value and names the flag of a bad one.
   *
   * @param slotsFlag the name of the command's slots flag, for messages
   */
  public RunnerConfig.Builder config(int slots, String slotsFlag, String defaultBaseUrl) {
    check(slots >= 0 && slots <= 256, slotsFlag, Integer.toString(slots), "give 0 to 256");
    if (workerName != null) {
      check(workerName.matches(NAME), "--worker.name", workerName,
          "use 1 to 255 letters, digits and . _ : -");
    }
    check(!workerGroup.isBlank(), "--worker.group", workerGroup, "it must not be empty");
    check(restartLimit >= 0, "--job.restart-limit", Integer.toString(restartLimit),
        "it must not be negative");
    check(maxLogBytes >= 1024, "--job.max-log-bytes", Long.toString(maxLogBytes),
        "give at least 1024");
    check(heartbeatInterval.multipliedBy(3).compareTo(zombieTimeout) <= 0, "--job.zombie-timeout",
        GoDuration.format(zombieTimeout), "it must be at least 3 × --worker.heartbeat-interval ("
            + GoDuration.format(heartbeatInterval) + ")");
    check(claimAhead.compareTo(Duration.ofSeconds(1)) <= 0,
        "--worker.claim-ahead", GoDuration.format(claimAhead), "give 0 to 1s");
    RunnerConfig.Builder b = RunnerConfig.builder();
    databaseUrl().ifPresentOrElse(b::databaseUrl, () -> b.dataDir(dataDir()));
    if (workerName != null) {
      b.workerName(workerName);
    }
    String url = baseUrl().orElse(defaultBaseUrl);
    b.workerSlots(slots).workerGroup(workerGroup).pollInterval(pollInterval).claimAhead(claimAhead)
        .heartbeatInterval(heartbeatInterval).defaultTimeout(defaultTimeout)
        .zombieTimeout(zombieTimeout).zombieRestartLimit(restartLimit).retention(retention)
        .logCapBytes(maxLogBytes).shutdownGrace(shutdownGrace).baseUrl(url);
    try {
      b.build();
    } catch (BadRequestException e) {
      throw new ParameterException(spec.commandLine(), "invalid runner flags: " + e.getMessage());
    }
    return b;
  }

  /** The runtimes' configuration: the interpreter, caches under the data directory. */
  public RuntimeConfig runtimeConfig() {
    RuntimeConfig c = RuntimeConfig.defaults().withCacheDir(dataDir().resolve("cache"));
    if (pythonInterpreter != null) {
      check(java.nio.file.Files.isExecutable(pythonInterpreter), "--python.interpreter",
          pythonInterpreter.toString(), "not an executable file");
      try {
        c = c.withPythonInterpreter(pythonInterpreter);
      } catch (RuntimeException e) {
        throw new ParameterException(spec.commandLine(), "invalid value for --python.interpreter: "
            + pythonInterpreter + ": " + e.getMessage());
      }
    }
    return c;
  }

  /** The language runtimes for {@link #runtimeConfig()}. */
  public Map<Language, LanguageRuntime> runtimes() {
    Map<Language, LanguageRuntime> runtimes = new EnumMap<>(Language.class);
    LanguageRuntimes.create(runtimeConfig()).all().forEach(r -> runtimes.put(r.language(), r));
    return runtimes;
  }

  private void check(boolean ok, String flag, String value, String why) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(),
          "invalid value for " + flag + ": " + value + " (" + why + ")");
    }
  }
}
