package io.pushmill.runner.bench;

import io.pushmill.runner.Runner;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.model.ScriptPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Targets 3 and 4 (J1, J5) on PostgreSQL. Each pair runs the raw SKIP LOCKED ceiling (4 threads)
 * and then the runner (4 slots, {@link InstantRuntime}: spawn excluded) on fresh databases of the
 * same cluster, each with a fresh queue of the same size, counting completions over the same
 * window after the same warm-up. While the runner runs, its connections are counted in
 * {@code pg_stat_activity}. Then each pair runs the runner with real {@code bash -c true} jobs,
 * and the ceiling's loop on the runner's own table (a diagnostic: the schema's share of the gap).
 * Every run prints CPU and WAL per job and where its backends wait.
 */
final class ThroughputBench {
  private static final int SLOTS = 4;

  private record Rate(double perSecond, int maxConnections) {}

  private static final Rate NONE = new Rate(Double.NaN, 0);

  private final BenchSetup setup;
  private final CpuMonitor monitor;
  private final Results results;
  private final int pairs;
  private final int warmupSeconds;
  private final List<String> sides;
  private final List<String> schemaDrop;

  /**
   * {@code sides}: which of ceiling, runner, bash and schema to run (all but for profiling);
   * {@code schemaDrop}: indexes of the runner's table to drop for the schema side's what-if.
   */
  ThroughputBench(BenchSetup setup, CpuMonitor monitor, Results results, int pairs,
      int warmupSeconds, List<String> sides, List<String> schemaDrop) {
    this.sides = List.copyOf(sides);
    this.schemaDrop = List.copyOf(schemaDrop);
    this.setup = setup;
    this.monitor = monitor;
    this.results = results;
    this.pairs = pairs;
    this.warmupSeconds = warmupSeconds;
  }

  void run(int rows, int window, int bashRows, int bashWindow) throws Exception {
    List<Double> ceiling = new ArrayList<>();
    List<Double> runner = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    List<Double> bash = new ArrayList<>();
    List<Double> schemaRates = new ArrayList<>();
    int connections = 0;
    int noisy = 0;
    int discarded = 0;
    for (int p = 1; p <= pairs; p++) {
      CpuMonitor.Window w = monitor.begin();
      double raw = sides.contains("ceiling") ? ceiling(rows, window) : Double.NaN;
      Rate ours = sides.contains("runner") ? runner(InstantRuntime.all(), rows, window) : NONE;
      monitor.end(w);
      if (w.noisy() && discarded < setup.retries) {
        discarded++;
        System.out.printf("throughput pair %d discarded, run again (ceiling %.0f, runner %.0f"
            + " jobs/s): %s%n", p, raw, ours.perSecond(), w.describe());
        p--; // the protocol's rule: a pair with foreign load is measured again
        continue;
      }
      Rate real = sides.contains("bash") ? runner(setup.realRuntimes, bashRows, bashWindow) : NONE;
      double schema = sides.contains("schema") ? ceilingOnRunnerTable(rows, window) : Double.NaN;
      noisy += w.noisy() ? 1 : 0;
      ceiling.add(raw);
      runner.add(ours.perSecond());
      ratios.add(ours.perSecond() / raw);
      bash.add(real.perSecond());
      connections = Math.max(connections, Math.max(ours.maxConnections(), real.maxConnections()));
      schemaRates.add(schema);
      System.out.printf("throughput pair %d: ceiling %.0f jobs/s, runner %.0f jobs/s (%.0f%%),"
              + " bash -c true jobs %.0f jobs/s, ceiling loop on the runner's table %.0f jobs/s;"
              + " runner connections max %d / %d%n  %s%n", p, raw, ours.perSecond(),
          100 * ours.perSecond() / raw, real.perSecond(), schema, ours.maxConnections(),
          real.maxConnections(), w.describe());
    }
    report(window, rows, ceiling, runner, ratios, bash, schemaRates, connections);
    if (noisy + discarded > 0) {
      results.note(String.format("throughput: %d noisy pairs discarded and run again; %d of the"
          + " %d kept still had a foreign process at ≥ 10%% of a core", discarded, noisy, pairs));
    }
  }

  private void report(int window, int rows, List<Double> ceiling, List<Double> runner,
      List<Double> ratios, List<Double> bash, List<Double> schemaRates, int connections) {
    double ratio = Samples.median(ratios);
    results.add(String.format("throughput, trivial jobs (in-process runtime: spawn excluded),"
            + " %d slots, PostgreSQL, %d s window, %d-row queue", SLOTS, window, rows),
        String.format("SKIP LOCKED claim+complete loop, 4 threads: %.0f jobs/s",
            Samples.median(ceiling)),
        String.format("%.0f jobs/s", Samples.median(runner)),
        String.format("**%.0f%%** of the ceiling", ratio * 100), "≥ 70%", ratio >= 0.70);
    results.add(String.format("throughput, real `bash -c true` jobs, %d slots, PostgreSQL", SLOTS),
        "—", String.format("%.0f jobs/s", Samples.median(bash)), "—", "(report only)", true);
    results.add("database connections of the worker process (pg_stat_activity, max while"
            + " the throughput runs were active)", "the ceiling loop uses 4",
        String.valueOf(connections), "—", "≤ 4", connections <= 4);
    if (sides.contains("schema")) {
      double schema = Samples.median(schemaRates);
      results.add("diagnostic: the same SKIP LOCKED loop on the runner's own `job` table"
              + (schemaDrop.isEmpty() ? "" : " without " + String.join(", ", schemaDrop)),
          String.format("%.0f jobs/s on the reference table", Samples.median(ceiling)),
          String.format("%.0f jobs/s", schema),
          String.format("%.0f%% of the reference", 100 * schema / Samples.median(ceiling)),
          "(diagnostic)", true);
    }
  }

  private double ceiling(int rows, int window) throws Exception {
    String url = setup.freshDatabase();
    SkipLockedCeiling.fill(url, rows);
    try (SkipLockedCeiling loop = new SkipLockedCeiling(SkipLockedCeiling.SPEC_TABLE)
            .start(url, SLOTS);
        WaitProfile profile = new WaitProfile(url, SkipLockedCeiling.APP)) {
      double rate = rate(loop::completed, window);
      System.out.println("  ceiling backends, on average: " + profile.describe());
      return rate;
    }
  }

  /** The ceiling's loop on the runner's own table, freshly migrated and filled like the runner's. */
  private double ceilingOnRunnerTable(int rows, int window) throws Exception {
    String url = setup.freshDatabase();
    try (Runner runner = setup.postgresRunner(url, InstantRuntime.all(), b -> b.workerSlots(0))) {
      ScriptPath script = BenchSetup.script(runner, "noop", Language.BASH, "true\n");
      fillJobs(url, script, runner.script(BenchSetup.WS, script).hash(), rows);
    }
    dropIndexes(url);
    try (SkipLockedCeiling loop = new SkipLockedCeiling(SkipLockedCeiling.RUNNER_TABLE)
            .start(url, SLOTS);
        WaitProfile profile = new WaitProfile(url, SkipLockedCeiling.APP)) {
      double rate = rate(loop::completed, window);
      System.out.println("  ceiling-on-job-table backends, on average: " + profile.describe());
      return rate;
    }
  }

  /** For what-if runs of the diagnostic: the runner's indexes named in {@code schema-drop}. */
  private void dropIndexes(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (String index : schemaDrop) {
        if (!index.isBlank()) {
          s.execute("DROP INDEX " + index);
        }
      }
      s.execute("VACUUM ANALYZE job");
    }
  }

  private Rate runner(Map<Language, LanguageRuntime> runtimes, int rows, int window)
      throws Exception {
    String url = setup.freshDatabase();
    try (Runner runner = setup.postgresRunner(url, runtimes, b -> b.workerSlots(SLOTS))) {
      ScriptPath script = BenchSetup.script(runner, "noop", Language.BASH, "true\n");
      String hash = runner.script(BenchSetup.WS, script).hash();
      fillJobs(url, script, hash, rows);
      try (Connection c = DriverManager.getConnection(url);
          PreparedStatement count = c.prepareStatement(
              "SELECT count(*) FROM job WHERE state = 'success'");
          WaitProfile profile = new WaitProfile(url, BenchSetup.RUNNER_APP)) {
        runner.start();
        double rate = rate(() -> single(count), window);
        System.out.println("  runner backends, on average: " + profile.describe());
        return new Rate(rate, profile.maxBackends());
      }
    }
  }

  /**
   * Completions per second over {@code window} seconds, after the warm-up; prints the CPU time
   * per job of this JVM (the client: the runner or the ceiling loop) and of PostgreSQL.
   */
  private double rate(LongSupplier completed, int window) {
    sleep(Duration.ofSeconds(warmupSeconds));
    long self = ProcessHandle.current().pid();
    double jvmBefore = CpuMonitor.cpuSeconds(self);
    double dbBefore = setup.postmaster.map(CpuMonitor::cpuSeconds).orElse(0.0);
    long walBefore = walBytes();
    long before = completed.getAsLong();
    long start = System.nanoTime();
    sleep(Duration.ofSeconds(window));
    long after = completed.getAsLong();
    double seconds = (System.nanoTime() - start) / 1e9;
    long wal = walBytes() - walBefore;
    double jvm = CpuMonitor.cpuSeconds(self) - jvmBefore;
    double db = setup.postmaster.map(CpuMonitor::cpuSeconds).orElse(0.0) - dbBefore;
    long jobs = Math.max(1, after - before);
    System.out.printf("  per job: CPU of this JVM %.0f µs, of PostgreSQL %.0f µs (%.2f + %.2f"
        + " cores); WAL %d bytes%n", jvm / jobs * 1e6, db / jobs * 1e6, jvm / seconds,
        db / seconds, wal / jobs);
    return (after - before) / seconds;
  }

  /** The cluster's WAL position in bytes: what was written between two readings. */
  private long walBytes() {
    try (Connection c = DriverManager.getConnection(setup.postgresUrl.orElseThrow());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the WAL position: " + e.getMessage(), e);
    }
  }

  /** {@code rows} queued runs of the script, inserted in one statement as a bulk enqueue. */
  private static void fillJobs(String url, ScriptPath script, String hash, int rows)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement insert = c.prepareStatement("""
            INSERT INTO job (id, workspace_id, kind, script_path, script_hash, language,
              args_json, state, scheduled_for, created_at, created_by, permissioned_as, email,
              attempt, cancel_requested)
            SELECT gen_random_uuid(), 'demo', 'script', ?, ?, 'bash', '{}', 'queued',
              now() - interval '1 hour' + g * interval '1 microsecond', now(), 'admin',
              'u/admin', 'admin@example.com', 1, FALSE
            FROM generate_series(1, ?) g""");
        Statement s = c.createStatement()) {
      insert.setString(1, script.value());
      insert.setString(2, hash);
      insert.setInt(3, rows);
      insert.executeUpdate();
      s.execute("VACUUM ANALYZE job");
    }
  }

  private static long single(PreparedStatement count) {
    try (ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
