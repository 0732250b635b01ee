package io.pushmill.runner.bench;

import io.pushmill.runner.Runner;
import io.pushmill.runner.RunnerConfig;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LanguageRuntimes;
import io.pushmill.runner.exec.RuntimeConfig;
import io.pushmill.runner.model.Actor;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.ScriptPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What every part of the benchmark shares: a scratch directory, the machine's real language
 * runtimes (Debian's {@code /usr/bin/python3}, never a shim), and runners on a fresh H2 file or a
 * fresh PostgreSQL database each, with the runner's default settings unless a part says otherwise.
 */
final class BenchSetup {
  static final String WS = "demo";
  static final Actor ADMIN = new Actor("admin", "admin@example.com");
  /** The application name of the runners' connections, to count them in pg_stat_activity. */
  static final String RUNNER_APP = "pushmill-bench-runner";

  final Path scratch;
  final Optional<String> postgresUrl;
  /** The database's postmaster, whose process tree is PostgreSQL's CPU time. */
  final Optional<Long> postmaster;
  /** How many noisy pairs a part may discard and measure again, in all. */
  final int retries;
  final RuntimeConfig runtimeConfig;
  final Map<Language, LanguageRuntime> realRuntimes;
  private final Map<String, String> workerEnv;

  BenchSetup(Path scratch, Optional<String> postgresUrl, Optional<Long> postmaster,
      int retries) {
    this.retries = retries;
    this.scratch = scratch;
    this.postgresUrl = postgresUrl;
    this.postmaster = postmaster;
    this.runtimeConfig = RuntimeConfig.defaults()
        .withPythonInterpreter(Path.of("/usr/bin/python3"))
        .withCacheDir(scratch.resolve("cache"))
        .withJobsDir(scratch.resolve("jobs"));
    this.realRuntimes = LanguageRuntimes.create(runtimeConfig).asMap();
    this.workerEnv = Map.of("PATH", "/usr/bin:/bin", "HOME", scratch.toString(),
        "LANG", "C.UTF-8");
  }

  /** A runner on a new H2 file database (the default storage). */
  Runner h2Runner(Map<Language, LanguageRuntime> runtimes, UnaryOperator<RunnerConfig.Builder> tweak) {
    Path dir = scratch.resolve("h2-" + UUID.randomUUID());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Runner.create(tweak.apply(base().dataDir(dir)).build(), runtimes);
  }

  /** A runner on a PostgreSQL database (one from {@link #freshDatabase()}), under its own name. */
  Runner postgresRunner(String databaseUrl, Map<Language, LanguageRuntime> runtimes,
      UnaryOperator<RunnerConfig.Builder> tweak) {
    String url = databaseUrl + "&ApplicationName=" + RUNNER_APP;
    return Runner.create(tweak.apply(base().databaseUrl(url)).build(), runtimes);
  }

  private RunnerConfig.Builder base() {
    return RunnerConfig.builder().workerName("bench-worker").workerEnvironment(workerEnv);
  }

  /** Creates a database and answers its JDBC URL (with the cluster URL's parameters). */
  String freshDatabase() {
    String url = postgresUrl.orElseThrow(() -> new IllegalStateException("no PostgreSQL given"));
    String name = "b" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a database: " + e.getMessage(), e);
    }
    return url.replaceFirst("/bench\\?", "/" + name + "?");
  }

  static ScriptPath script(Runner runner, String name, Language language, String content) {
    ScriptPath path = ScriptPath.of("u/admin/" + name);
    runner.createScript(WS, NewScript.of(path, language, content), ADMIN);
    return path;
  }
}
