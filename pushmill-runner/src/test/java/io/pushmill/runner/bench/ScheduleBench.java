package io.pushmill.runner.bench;

import io.pushmill.runner.Runner;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.ScriptPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Target 2 (J3): schedule precision. A {@code * * * * * *} schedule on the default H2 runner; its
 * job takes the wall-clock time as its first statement (bash's {@code $EPOCHREALTIME}, a builtin,
 * so no {@code date} process adds to it; Python's {@code time.time_ns()} at the top of the module)
 * and returns it. Process delay = that time - the slot ({@code WM_SCHEDULED_FOR}); runner delay =
 * the row's {@code started_at} - {@code scheduled_for}. The floor, measured in the same run, is a
 * raw spawn's time from {@code ProcessBuilder.start} to the same first statement.
 */
final class ScheduleBench {
  private static final int WARMUP_TICKS = 3;
  private static final int FLOOR_RUNS = 100;

  private record Case(String name, Language language, String script, List<String> raw) {}

  private final BenchSetup setup;
  private final CpuMonitor monitor;
  private final Results results;

  ScheduleBench(BenchSetup setup, CpuMonitor monitor, Results results) {
    this.setup = setup;
    this.monitor = monitor;
    this.results = results;
  }

  void run(int ticks, int pythonTicks) {
    String bash = setup.runtimeConfig.bash().toString();
    String python = setup.runtimeConfig.pythonInterpreter().toString();
    measure(new Case("bash", Language.BASH, "echo \"${EPOCHREALTIME/./}000\"\n",
        List.of(bash, "-c", "echo \"${EPOCHREALTIME/./}000\"")), ticks, true);
    if (pythonTicks > 0) {
      measure(new Case("Python", Language.PYTHON3,
          "import time\nSTART_NS = time.time_ns()\n\n\ndef main():\n    return START_NS\n",
          List.of(python, "-c", "import time; print(time.time_ns())")), pythonTicks, false);
    }
  }

  private void measure(Case c, int ticks, boolean target) {
    Samples floor = floor(c.raw());
    try (Runner runner = setup.h2Runner(setup.realRuntimes, b -> b)) {
      runner.start();
      ScriptPath script = BenchSetup.script(runner, "tick_" + c.language().id(), c.language(),
          c.script());
      ScriptPath schedule = ScriptPath.of("u/admin/every_second_" + c.language().id());
      CpuMonitor.Window w = monitor.begin();
      runner.createSchedule(BenchSetup.WS,
          NewSchedule.of(schedule, script, "* * * * * *", "Etc/UTC"), BenchSetup.ADMIN);
      List<Job> runs;
      Samples cadence;
      try (CadenceFloor floorThread = new CadenceFloor(c.raw())) {
        runs = awaitRuns(runner, schedule, ticks + WARMUP_TICKS);
        cadence = floorThread.samples();
      }
      Schedule after = runner.setScheduleEnabled(BenchSetup.WS, schedule, false, BenchSetup.ADMIN);
      monitor.end(w);
      List<Job> measured = runs.subList(WARMUP_TICKS, runs.size());
      Samples process = Samples.of(measured.stream()
          .map(j -> j.result().orElseThrow().asLong() - nanos(j.scheduledFor())).toList());
      Samples recorded = Samples.of(measured.stream()
          .map(j -> Duration.between(j.scheduledFor(), j.startedAt().orElseThrow()).toNanos())
          .toList());
      System.out.printf("schedule %s: %d ticks, %d slots skipped%n  process start delay %s%n"
              + "  runner's recorded delay %s%n  floor, raw spawns back to back %s%n"
              + "  floor, a raw spawn timed for +0.5 s of every tick %s%n  %s%n",
          c.name(), measured.size(), after.skippedCount(), process.summary(), recorded.summary(),
          floor.summary(), cadence.summary(), w.describe());
      String row = String.format("p50 **%.2f ms**, p99 **%.2f ms** (max %.1f); runner's own:"
          + " p50 %.2f, p99 %.2f", process.medianMs(), process.ms(0.99), process.maxMs(),
          recorded.medianMs(), recorded.ms(0.99));
      String ratio = String.format("p50 %.1f×, p99 %.1f× the floor's", process.medianMs()
          / cadence.medianMs(), process.ms(0.99) / cadence.ms(0.99));
      boolean met = process.medianMs() <= 5 && process.ms(0.99) <= 20;
      results.add("schedule start delay, " + c.name() + " (H2), " + measured.size()
              + " ticks of `* * * * * *`",
          String.format("floor: a raw spawn timed like a tick, to its first statement: p50 %.2f,"
              + " p99 %.2f ms (back to back: p50 %.2f)", cadence.medianMs(), cadence.ms(0.99),
              floor.medianMs()),
          row, ratio, target ? "p50 ≤ 5 ms, p99 ≤ 20 ms" : "none (adds the interpreter start)",
          !target || met);
      if (after.skippedCount() > 0 || w.noisy()) {
        results.note(String.format("schedule %s: %d slots skipped; %s", c.name(),
            after.skippedCount(), w.describe()));
      }
    }
  }

  /** Raw spawns: from just before {@code start} to the time the child printed first thing. */
  private static Samples floor(List<String> command) {
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < FLOOR_RUNS + 10; i++) {
      long before = nanos(Instant.now());
      long printed = Long.parseLong(RawSpawn.run(command).trim());
      if (i >= 10) {
        delays.add(printed - before);
      }
    }
    return Samples.of(delays);
  }

  /**
   * The floor in the same conditions as the ticks: every second, half-way between two ticks, a
   * timer thread wakes at an exact instant and spawns the raw command; the sample is the child's
   * first-statement time minus that instant.
   */
  private static final class CadenceFloor implements AutoCloseable {
    private final List<Long> delays = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stop;

    CadenceFloor(List<String> command) {
      thread = Thread.ofPlatform().daemon().name("bench-cadence-floor").start(() -> {
        long next = (System.currentTimeMillis() / 1000 + 1) * 1000 + 500;
        while (!stop) {
          long wait = next - System.currentTimeMillis();
          if (wait > 0) {
            LockSupport.parkNanos(wait * 1_000_000L);
            continue;
          }
          long target = next * 1_000_000L;
          long printed = Long.parseLong(RawSpawn.run(command).trim());
          delays.add(printed - target);
          next += 1000;
        }
      });
    }

    Samples samples() {
      return Samples.of(delays);
    }

    @Override
    public void close() {
      stop = true;
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static List<Job> awaitRuns(Runner runner, ScriptPath schedule, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(count * 2L + 30).toNanos();
    while (true) {
      sleep(Duration.ofSeconds(5));
      List<Job> done = runner.jobs(BenchSetup.WS, JobQuery.all().withSchedulePath(schedule)
              .withSuccess(true).withPage(1, JobQuery.MAX_PER_PAGE)).stream()
          .filter(Job::finished)
          .sorted(Comparator.comparing(Job::scheduledFor))
          .toList();
      if (done.size() >= count) {
        return done.subList(0, count);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + done.size() + " of " + count
            + " scheduled runs succeeded in time");
      }
    }
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
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
