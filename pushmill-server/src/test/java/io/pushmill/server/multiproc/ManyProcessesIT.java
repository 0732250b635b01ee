package io.pushmill.server.multiproc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.server.multiproc.JobTable.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many processes on one PostgreSQL: a {@code pushmill server} (gateway and API, no slots) and
 * three {@code pushmill worker}s get 500 queued jobs and a schedule firing every second, for a
 * minute. Meanwhile one worker is killed ({@code kill -9}) while running jobs and left dead for
 * the reaper, and later another is killed and restarted at once under its name, so that it
 * settles its own orphans. Each kind of orphan is there: jobs of a plain script (failed) and of an
 * idempotent one (queued again). The minute runs once, before the tests, which then read what
 * happened from the database and from the file where every job recorded its own start.
 */
class ManyProcessesIT {
  static final String QUICK = "u/admin/quick";
  static final String TICK = "u/admin/tick";
  static final String SLOW = "u/admin/slow";
  static final String SLOW_IDEMPOTENT = "u/admin/slow_idempotent";
  static final String EVERY_SECOND = "u/admin/every_second";
  static final List<String> WORKERS = List.of("w1", "w2", "w3");
  static final int QUEUED = 500;
  static final Duration RUN = Duration.ofSeconds(60);
  /** How long a slow job sleeps: long enough for a kill to land while it runs. */
  static final int SLOW_SECONDS = 4;
  /** Slack for process scheduling on a busy machine, on top of the reaper's own period. */
  static final Duration MARGIN = Duration.ofSeconds(2);

  /** A {@code kill -9}: whom, when, what it left running, and when all of that had a verdict. */
  record Kill(String worker, Instant at, List<Row> orphans, Instant settled) {
    Kill settledAt(Instant t) {
      return new Kill(worker, at, orphans, t);
    }
  }

  @TempDir static Path dir;
  static Path records;
  static PostgresCluster cluster;
  static JobTable db;
  static ConnectionSampler connections;
  static final List<UUID> queued = Collections.synchronizedList(new ArrayList<>());
  static Kill reaped;
  static Instant reapedWorkerBack;
  static Kill restarted;
  static Instant start;
  static Instant disabledAt;

  @BeforeAll
  static void run_the_minute() throws Exception {
    records = Files.createFile(dir.resolve("runs.log"));
    cluster = PostgresCluster.start(dir);
    db = new JobTable(cluster.dataSource());
    connections = ConnectionSampler.start(db);
    try {
      RunnerApi api = cluster.start(WORKERS);
      createScripts(api);
      start = Instant.now();
      api.createSchedule(EVERY_SECOND, TICK, "* * * * * *");
      queueQuickJobs(api);

      queueSlowJobs(api, 6);
      reaped = killWhileRunningSlowJobs();
      reaped = reaped.settledAt(awaitOrphansSettled(reaped));
      Pause.of(Duration.ofSeconds(5)); // the two survivors alone
      cluster.restartWorker(reaped.worker());
      reapedWorkerBack = Instant.now();

      queueSlowJobs(api, 1);
      Kill second = killWhileRunningSlowJobs();
      Pause.of(Duration.ofMillis(1500)); // older than 2 heartbeats: the restart sees it dead
      cluster.restartWorker(second.worker());
      restarted = second.settledAt(awaitOrphansSettled(second));

      Pause.until(start.plus(RUN));
      disabledAt = Instant.now();
      api.setEnabled(EVERY_SECOND, false);
      Pause.until(() -> db.unfinished() == 0, Duration.ofSeconds(20), "every job finished");
      System.out.println(summary());
    } catch (Exception | AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + cluster.logTails(), e);
    } finally {
      connections.close();
      cluster.stopProcesses();
    }
  }

  @AfterAll
  static void stop_everything() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  static void createScripts(RunnerApi api) {
    String record = RunRecords.recordLine(records);
    api.createScript(QUICK, "bash", record + "echo ran\n", false);
    api.createScript(TICK, "bash", record + "echo tick\n", false);
    String slow = record + "sleep " + SLOW_SECONDS + "\necho slept\n";
    api.createScript(SLOW, "bash", slow, false);
    api.createScript(SLOW_IDEMPOTENT, "bash", slow, true);
  }

  static void queueQuickJobs(RunnerApi api) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<UUID>> ids = new ArrayList<>();
      for (int i = 0; i < QUEUED; i++) {
        ids.add(pool.submit(() -> api.run(QUICK)));
      }
      for (Future<UUID> id : ids) {
        queued.add(id.get());
      }
    }
  }

  /** Six jobs of each slow script, alternating, due in {@code seconds}. */
  static void queueSlowJobs(RunnerApi api, int seconds) {
    for (int i = 0; i < 6; i++) {
      api.runIn(SLOW, seconds);
      api.runIn(SLOW_IDEMPOTENT, seconds);
    }
  }

  /**
   * Kills a live worker as soon as it runs jobs of both slow scripts, each started so recently
   * that it surely runs on at the kill; answers what the worker left running.
   */
  static Kill killWhileRunningSlowJobs() {
    String[] victim = new String[1];
    Pause.until(() -> {
      victim[0] = workerRunningBothSlowScripts().orElse(null);
      return victim[0] != null;
    }, Duration.ofSeconds(40), "a worker running both slow scripts");
    Instant at = Instant.now();
    cluster.kill(victim[0]);
    return new Kill(victim[0], at, db.runningOn(victim[0]), at);
  }

  /** A live worker running jobs of both slow scripts that have started sleeping, not long ago. */
  static Optional<String> workerRunningBothSlowScripts() {
    Instant recently = Instant.now().minusSeconds(SLOW_SECONDS / 2);
    RunRecords runs = RunRecords.read(records);
    Map<String, Set<String>> scripts = db.running(List.of(SLOW, SLOW_IDEMPOTENT)).stream()
        .filter(r -> r.startedAt().orElseThrow().isAfter(recently))
        .filter(r -> !runs.startsOf(r.id()).isEmpty())
        .collect(Collectors.groupingBy(r -> r.worker().orElseThrow(),
            Collectors.mapping(Row::scriptPath, Collectors.toSet())));
    return scripts.entrySet().stream()
        .filter(e -> e.getValue().size() == 2 && cluster.alive(e.getKey()))
        .map(Map.Entry::getKey).findFirst();
  }

  /**
   * Waits until every job the dead worker left has a verdict: it is finished, or it was queued
   * again (a requeue counts an attempt); answers when that was seen. A restarted worker of the
   * same name runs new jobs, so what runs under the name is no measure.
   */
  static Instant awaitOrphansSettled(Kill kill) {
    return Pause.until(() -> kill.orphans().stream().allMatch(orphan -> {
          Row now = db.get(orphan.id());
          return !now.running() || now.attempt() > orphan.attempt();
        }),
        PostgresCluster.ZOMBIE_TIMEOUT.plus(Duration.ofSeconds(20)),
        "the jobs left running by " + kill.worker() + " got a verdict");
  }

  /** What happened, for the test's output. */
  static String summary() {
    List<Row> ticks = db.ofSchedule(EVERY_SECOND);
    return "schedule: " + ticks.size() + " runs, " + db.skippedCount(EVERY_SECOND)
        + " slots skipped\n" + describe("reaped", reaped) + describe("restarted", restarted)
        + "most connections at once: " + connections.most() + " in " + connections.samples()
        + " samples";
  }

  static String describe(String what, Kill kill) {
    return what + ": killed " + kill.worker() + " at +" + Duration.between(start, kill.at())
        + ", orphans " + kill.orphans().stream().map(Row::scriptPath).toList() + ", settled "
        + Duration.between(kill.at(), kill.settled()) + " after the kill\n";
  }

  static Set<UUID> orphanIds() {
    return Stream.of(reaped, restarted).flatMap(k -> k.orphans().stream())
        .map(Row::id).collect(Collectors.toSet());
  }

  @Test
  void every_queued_job_ran_exactly_once_on_the_worker_that_claimed_it() {
    List<Row> quick = db.ofScript(QUICK);
    RunRecords runs = RunRecords.read(records);
    Set<UUID> orphans = orphanIds();

    assertThat(quick).extracting(Row::id).containsExactlyInAnyOrderElementsOf(queued);
    assertThat(quick).allSatisfy(job -> {
      assertRanOnceOnItsWorker(job, runs);
      assertThat(job.attempt()).isEqualTo(1);
      assertThat(job.state()).isEqualTo(orphans.contains(job.id()) ? "failure" : "success");
    });
    assertThat(quick.stream().map(j -> j.worker().orElseThrow()).distinct())
        .hasSizeGreaterThan(1).isSubsetOf(WORKERS);
  }

  /**
   * One start record, by the worker the database says claimed the job. A job whose worker was
   * killed may have been claimed but not yet started, so it may have none.
   */
  static void assertRanOnceOnItsWorker(Row job, RunRecords runs) {
    List<String> starts = runs.startsOf(job.id());
    String worker = job.worker().orElseThrow();
    if (orphanIds().contains(job.id()) && starts.isEmpty()) {
      return;
    }
    assertThat(starts).as("start records of %s", job.id()).containsExactly(worker);
  }

  @Test
  void no_schedule_slot_ran_twice_and_the_slots_not_run_are_the_skipped_ones() {
    List<Row> ticks = db.ofSchedule(EVERY_SECOND);
    RunRecords runs = RunRecords.read(records);
    ScheduleSlots slots = new ScheduleSlots(ticks.stream()
        .map(t -> new ScheduleSlots.Run(t.scheduledFor(), t.endedAt().orElseThrow())).toList());

    assertThat(ticks).extracting(Row::scheduledFor).doesNotHaveDuplicates();
    assertThat(slots.violations()).isEmpty();
    assertThat(db.skippedCount(EVERY_SECOND)).isEqualTo(slots.skipped());
    // A worker claims an occurrence up to 50 ms ahead of its slot; the disable at the end
    // withdraws one held then, which must end canceled without having started.
    List<Row> withdrawn = ticks.stream().filter(t -> t.state().equals("canceled")).toList();
    assertThat(withdrawn).hasSizeLessThanOrEqualTo(1).allSatisfy(tick -> {
      assertThat(tick).isEqualTo(ticks.getLast());
      assertThat(tick.scheduledFor()).isAfterOrEqualTo(disabledAt);
      assertThat(runs.startsOf(tick.id())).isEmpty();
    });
    assertThat(ticks).filteredOn(tick -> !withdrawn.contains(tick)).allSatisfy(tick -> {
      assertRanOnceOnItsWorker(tick, runs);
      assertThat(tick.state()).isEqualTo(orphanIds().contains(tick.id()) ? "failure" : "success");
    });
    assertThat(ticks.getFirst().scheduledFor()).isBetween(start, start.plusSeconds(2));
    assertThat(ticks.getLast().scheduledFor()).isAfter(start.plus(RUN).minusSeconds(5));
  }

  @Test
  void the_reaper_gives_its_verdict_on_a_killed_workers_jobs_within_the_zombie_timeout() {
    Duration timeout = PostgresCluster.ZOMBIE_TIMEOUT;
    Instant earliest = reaped.at().plus(timeout).minus(PostgresCluster.HEARTBEAT).minus(MARGIN);
    Instant latest = reaped.at().plus(timeout).plus(PostgresCluster.REAP_EVERY).plus(MARGIN);

    assertThat(reaped.orphans()).extracting(Row::scriptPath).contains(SLOW, SLOW_IDEMPOTENT);
    assertThat(reaped.settled()).isBetween(earliest, latest);
    assertOrphansSettled(reaped, "stopped responding: no ping for more than "
        + timeout.toSeconds() + " s");
    assertThat(reaped.orphans()).filteredOn(o -> !o.scriptPath().equals(SLOW_IDEMPOTENT))
        .allSatisfy(o -> assertThat(db.get(o.id()).endedAt().orElseThrow())
            .isBetween(earliest, latest));
  }

  @Test
  void a_restarted_worker_settles_what_its_killed_run_left_before_the_reaper_does() {
    assertThat(restarted.orphans()).extracting(Row::scriptPath)
        .contains(SLOW, SLOW_IDEMPOTENT);
    assertThat(restarted.settled()).isBefore(restarted.at().plus(PostgresCluster.ZOMBIE_TIMEOUT));
    assertOrphansSettled(restarted, "restarted while the job was running");
  }

  /**
   * A plain job the dead worker left failed with {@code reason}; an idempotent one was queued
   * again, once, and then ran to success. The dead worker may have claimed a job without starting
   * it (claimed ahead of its slot and held until then), so its own start record may be missing.
   */
  static void assertOrphansSettled(Kill kill, String reason) {
    RunRecords runs = RunRecords.read(records);
    assertThat(kill.orphans()).anySatisfy(orphan ->
        assertThat(runs.startsOf(orphan.id())).startsWith(kill.worker()));
    assertThat(kill.orphans()).allSatisfy(orphan -> {
      List<String> starts = runs.startsOf(orphan.id());
      Row now = db.get(orphan.id());
      String log = db.log(orphan.id());
      assertThat(log).contains("worker " + kill.worker() + " " + reason);
      if (orphan.scriptPath().equals(SLOW_IDEMPOTENT)) {
        assertThat(now.state()).isEqualTo("success");
        assertThat(now.attempt()).isEqualTo(2);
        assertThat(log).contains("the job is queued again (restart 1 of 3)");
        assertThat(starts).hasSizeBetween(1, 2).endsWith(now.worker().orElseThrow());
        if (starts.size() == 2) {
          assertThat(starts.getFirst()).isEqualTo(kill.worker());
        }
      } else {
        assertThat(now.state()).isEqualTo("failure");
        assertThat(now.attempt()).isEqualTo(1);
        assertThat(now.error().orElseThrow()).contains("worker " + kill.worker() + " " + reason);
        assertThat(starts).isIn(List.of(), List.of(kill.worker()));
      }
    });
  }

  @Test
  void the_schedule_goes_on_on_the_surviving_workers() {
    List<Row> whileDead = db.ofSchedule(EVERY_SECOND).stream()
        .filter(t -> t.startedAt().orElseThrow().isAfter(reaped.settled())
            && t.startedAt().orElseThrow().isBefore(reapedWorkerBack))
        .toList();

    assertThat(whileDead).hasSizeGreaterThanOrEqualTo(3).allSatisfy(tick -> {
      assertThat(tick.state()).isEqualTo("success");
      assertThat(tick.worker()).isPresent().get().isNotEqualTo(reaped.worker());
    });
  }

  @Test
  void each_process_holds_at_most_four_database_connections() {
    Map<String, Integer> most = connections.most();

    assertThat(connections.samples()).isGreaterThan(100);
    assertThat(most).containsKeys("pushmill-server", "pushmill-w1", "pushmill-w2", "pushmill-w3",
        "pushmill-" + reaped.worker() + "-2");
    assertThat(most.values()).allSatisfy(n -> assertThat(n).isBetween(1, 4));
  }
}
