package io.pushmill.runner.bench;

import io.pushmill.runner.Runner;
import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.ExecutionRequest;
import io.pushmill.runner.exec.ExecutionResult;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.ScriptPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Target 1 (J2): per-job overhead. One worker slot; N jobs one after another, each timed from
 * {@code Runner.runScript} to the completion row as {@code awaitJob} returns it; against the raw
 * spawn of the same command, in blocks that alternate raw, runner, raw, runner, raw, runner.
 * Each pair also times the language runtime called directly (no queue), to split the overhead
 * between the executor and the runner's queue.
 * Overhead = runner median - raw median of the same pair; the result is the median of the pairs.
 */
final class OverheadBench {
  private record Case(String name, Language language, String script, List<String> raw,
      double targetMs) {}

  /** One block of runner jobs: whole-job times and where they went, from the job rows. */
  private record JobBlock(Samples total, Samples queued, Samples running, Samples after) {}

  private static final int WARMUP = 30;
  private static final Map<String, String> EXECUTOR_ENV =
      Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8", "WM_JOB_PATH", "u/admin/overhead");

  private final BenchSetup setup;
  private final CpuMonitor monitor;
  private final Results results;
  private final int jobs;
  private final int pairs;

  private final List<String> languages;
  private final List<String> storages;

  /** {@code languages}: of python, bash; {@code storages}: of h2, postgres (if given). */
  OverheadBench(BenchSetup setup, CpuMonitor monitor, Results results, int jobs, int pairs,
      List<String> languages, List<String> storages) {
    this.languages = List.copyOf(languages);
    this.storages = List.copyOf(storages);
    this.setup = setup;
    this.monitor = monitor;
    this.results = results;
    this.jobs = jobs;
    this.pairs = pairs;
  }

  void run() {
    String python = setup.runtimeConfig.pythonInterpreter().toString();
    String bash = setup.runtimeConfig.bash().toString();
    List<Case> cases = List.of(
        new Case("Python", Language.PYTHON3, "def main():\n    pass\n",
            List.of(python, "-c", "pass"), 5),
        new Case("bash", Language.BASH, "true\n", List.of(bash, "-c", "true"), 3));
    for (Case c : cases) {
      if (!languages.contains(c.name().toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (storages.contains("h2")) {
        measure(c, "H2", setup.h2Runner(setup.realRuntimes, b -> b.workerSlots(1)));
      }
      if (setup.postgresUrl.isPresent() && storages.contains("postgres")) {
        measure(c, "PostgreSQL", setup.postgresRunner(setup.freshDatabase(), setup.realRuntimes,
            b -> b.workerSlots(1)));
      }
    }
  }

  private void measure(Case c, String storage, Runner runner) {
    try (runner) {
      runner.start();
      ScriptPath path = BenchSetup.script(runner, "overhead_" + c.language().id(), c.language(),
          c.script());
      RawSpawn.time(c.raw(), WARMUP);
      runJobs(runner, path, WARMUP);
      List<Double> raw = new ArrayList<>();
      List<Double> whole = new ArrayList<>();
      List<Double> exec = new ArrayList<>();
      List<Double> overhead = new ArrayList<>();
      int noisy = 0;
      int discarded = 0;
      for (int p = 1; p <= pairs; p++) {
        CpuMonitor.Window w = monitor.begin();
        Samples spawn = new Samples(RawSpawn.time(c.raw(), jobs));
        Samples executor = executorAlone(c, jobs);
        JobBlock block = runJobs(runner, path, jobs);
        monitor.end(w);
        if (w.noisy() && discarded < setup.retries) {
          discarded++;
          System.out.printf("overhead %s/%s pair %d discarded, run again: %s%n", c.name(), storage,
              p, w.describe());
          p--; // the protocol's rule: a pair with foreign load is measured again
          continue;
        }
        noisy += w.noisy() ? 1 : 0;
        raw.add(spawn.medianMs());
        whole.add(block.total().medianMs());
        exec.add(executor.medianMs());
        overhead.add(block.total().medianMs() - spawn.medianMs());
        System.out.printf("overhead %s/%s pair %d: raw %s%n  executor alone %s%n  job %s%n"
                + "  job phases (median): created->started %.3f ms, started->ended %.3f ms,"
                + " ended->seen %.3f ms%n  %s%n",
            c.name(), storage, p, spawn.summary(), executor.summary(), block.total().summary(),
            block.queued().medianMs(), block.running().medianMs(), block.after().medianMs(),
            w.describe());
      }
      double median = Samples.median(overhead);
      results.add("per-job overhead, " + c.name() + " (" + storage + "), median of " + pairs
              + "×" + jobs + " jobs",
          "raw spawn `" + String.join(" ", c.raw()) + "` " + Results.ms(Samples.median(raw)),
          "whole job " + Results.ms(Samples.median(whole)) + " (executor alone "
              + Results.ms(Samples.median(exec)) + ")",
          String.format("overhead **%+.2f ms** (executor's share %+.2f)", median,
              Samples.median(exec) - Samples.median(raw)),
          "≤ " + (int) c.targetMs() + " ms", median <= c.targetMs());
      if (noisy + discarded > 0) {
        results.note(String.format("overhead %s/%s: %d noisy pairs discarded and run again;"
            + " %d of the %d kept still had a foreign process at ≥ 10%% of a core", c.name(),
            storage, discarded, noisy, pairs));
      }
    }
  }

  /** The language runtime alone, as the runner calls it but without the queue: its share. */
  private Samples executorAlone(Case c, int n) {
    LanguageRuntime runtime = setup.realRuntimes.get(c.language());
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      ExecutionRequest request = new ExecutionRequest(UUID.randomUUID(), "u/admin/overhead",
          c.language(), c.script(), "overhead", Json.object(), EXECUTOR_ENV, Duration.ofMinutes(1));
      long start = System.nanoTime();
      ExecutionResult result = runtime.execute(request, text -> {}, Cancellation.never());
      t[i] = System.nanoTime() - start;
      if (result.outcome() != ExecutionResult.Outcome.SUCCESS) {
        throw new IllegalStateException("executor run failed: " + result);
      }
    }
    return new Samples(t);
  }

  private static JobBlock runJobs(Runner runner, ScriptPath path, int n) {
    List<Long> total = new ArrayList<>();
    List<Long> queued = new ArrayList<>();
    List<Long> running = new ArrayList<>();
    List<Long> after = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      UUID id = runner.runScript(BenchSetup.WS, path, Json.object(), BenchSetup.ADMIN);
      Job job = runner.awaitJob(BenchSetup.WS, id, Duration.ofSeconds(60));
      long elapsed = System.nanoTime() - start;
      if (!job.success()) {
        throw new IllegalStateException("bench job " + id + " ended " + job.state() + ": "
            + job.error().orElse(""));
      }
      Instant started = job.startedAt().orElseThrow();
      Instant ended = job.endedAt().orElseThrow();
      total.add(elapsed);
      queued.add(Duration.between(job.createdAt(), started).toNanos());
      running.add(Duration.between(started, ended).toNanos());
      after.add(elapsed - Duration.between(job.createdAt(), ended).toNanos());
    }
    return new JobBlock(Samples.of(total), Samples.of(queued), Samples.of(running),
        Samples.of(after));
  }
}
