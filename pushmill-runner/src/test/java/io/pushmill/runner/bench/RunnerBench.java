package io.pushmill.runner.bench;

import io.pushmill.runner.exec.process.JobDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runner benchmark of issue 3 (performance.md J1, J2, J3, J5): each target measured side by
 * side with its reference in the same run, alternating reference and runner, medians of 3; a pair
 * during which a foreign process used at least 10% of a core is measured again (up to
 * {@code retries} times per part). Not a test: {@code bench/runner/runner-bench.sh} builds it and
 * starts PostgreSQL for it.
 *
 * <p>Options, all {@code --name value}:
 * <ul>
 *   <li>{@code postgres}: a JDBC URL of a database the bench may create databases from; without
 *       it the PostgreSQL parts are skipped. {@code postmaster}: its pid, so that the CPU monitor
 *       counts the database as ours and CPU time per job can be read.
 *   <li>{@code parts}: {@code overhead,schedule,throughput}. {@code pairs}: 3. {@code retries}: 3.
 *   <li>overhead: {@code jobs} per block (200), {@code languages} ({@code python,bash}),
 *       {@code storage} ({@code h2,postgres}).
 *   <li>schedule: {@code ticks} (200, bash), {@code python-ticks} (60).
 *   <li>throughput: {@code rows} (queue size, 200000), {@code warmup} (s, 2), {@code window}
 *       (s, 20), {@code bash-rows} (30000), {@code bash-window} (s, 10), {@code sides} (of
 *       {@code ceiling,runner,bash,schema}; fewer to profile one), {@code schema-drop} (indexes
 *       of the runner's table to drop for a what-if run of the {@code schema} side).
 * </ul>
 */
public final class RunnerBench {
  private RunnerBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    Optional<String> postgres = Optional.ofNullable(opts.get("postgres"));
    List<String> parts = List.of(opts.getOrDefault("parts", "overhead,schedule,throughput")
        .split(","));
    int pairs = intOpt(opts, "pairs", 3);
    Optional<Long> postmaster = Optional.ofNullable(opts.get("postmaster")).map(Long::parseLong);
    Set<Long> dbRoots = postmaster.map(Set::of).orElse(Set.of());
    Path scratch = Files.createTempDirectory("pushmill-runner-bench");
    Results results = new Results();
    System.out.printf("runner bench: %d cores, JDK %s, load %s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), CpuMonitor.loadAverage());
    try (CpuMonitor monitor = new CpuMonitor(dbRoots)) {
      BenchSetup setup =
          new BenchSetup(scratch, postgres, postmaster, intOpt(opts, "retries", 3));
      if (parts.contains("overhead")) {
        new OverheadBench(setup, monitor, results, intOpt(opts, "jobs", 200), pairs,
            listOpt(opts, "languages", "python,bash"), listOpt(opts, "storage", "h2,postgres"))
            .run();
      }
      if (parts.contains("schedule")) {
        new ScheduleBench(setup, monitor, results).run(intOpt(opts, "ticks", 200),
            intOpt(opts, "python-ticks", 60));
      }
      if (parts.contains("throughput") && postgres.isPresent()) {
        new ThroughputBench(setup, monitor, results, pairs, intOpt(opts, "warmup", 2),
            listOpt(opts, "sides", "ceiling,runner,bash,schema"),
            opts.containsKey("schema-drop") ? listOpt(opts, "schema-drop", "") : List.of())
            .run(intOpt(opts, "rows", 200_000), intOpt(opts, "window", 20),
                intOpt(opts, "bash-rows", 30_000), intOpt(opts, "bash-window", 10));
      }
    } finally {
      JobDirectory.deleteTree(scratch);
    }
    System.out.println();
    System.out.println("load at the end: " + CpuMonitor.loadAverage());
    System.out.println();
    System.out.print(results.markdown());
    System.exit(0); // runner threads are daemons, but the JDBC drivers' timers may linger
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    return opts;
  }

  private static List<String> listOpt(Map<String, String> opts, String name, String def) {
    return List.of(opts.getOrDefault(name, def).split(","));
  }

  private static int intOpt(Map<String, String> opts, String name, int def) {
    return opts.containsKey(name) ? Integer.parseInt(opts.get(name)) : def;
  }
}
