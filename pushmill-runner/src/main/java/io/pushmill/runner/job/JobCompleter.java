package io.pushmill.runner.job;

import io.pushmill.runner.metrics.Buckets;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.schedule.ScheduleArmer;
import io.pushmill.runner.store.JobFinish;
import io.pushmill.runner.store.JobRepository;
import io.pushmill.runner.store.LogRepository;
import io.pushmill.runner.store.StatsRepository;
import io.pushmill.runner.store.Store;
import io.pushmill.runner.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The one way a job gets its verdict, whoever gives it (its worker, a cancel of a queued job, the
 * reaper). In the caller's transaction it records the verdict (only if the job is still as the
 * caller saw it) with the run statistics, the log's tail and, for a schedule's occurrence, the next
 * occurrence: so a run of a schedule costs one commit to finish, and a verdict is given once.
 */
public final class JobCompleter {
  private final ScheduleArmer armer;
  private final CompletionListeners listeners;

  public JobCompleter(ScheduleArmer armer, CompletionListeners listeners) {
    this.armer = armer;
    this.listeners = listeners;
  }

  /**
   * Applies {@code verdict} to {@code job} as the caller last read it; {@code pingBefore} is the
   * reaper's guard. Returns false, changing nothing, when someone else finished the job first.
   */
  public boolean complete(
      Tx tx, Job job, Verdict verdict, Optional<LogRepository.Chunk> logTail,
      Optional<Instant> pingBefore, Instant now) {
    // The schedule's row is locked first, always in this order, so edits cannot deadlock with us.
    Optional<Schedule> schedule =
        job.schedulePath().flatMap(p -> tx.schedules().lock(job.workspace(), p));
    OptionalLong durationMs = job.startedAt()
        .map(s -> OptionalLong.of(Math.max(0, Duration.between(s, now).toMillis())))
        .orElse(OptionalLong.empty());
    JobFinish finish = new JobFinish(job.id(), job.state(), job.worker(), pingBefore,
        verdict.state(), now, durationMs, verdict.exitCode(), verdict.resultJson(),
        verdict.error(), verdict.canceledBy(), verdict.canceledReason(),
        samples(job, verdict.state(), durationMs, now));
    if (!tx.jobs().finish(finish)) {
      return false;
    }
    logTail.ifPresent(chunk -> tx.logs().append(List.of(chunk)));
    // A run is followed by the slot after its own; a queued occurrence canceled before it ran by
    // the first slot after now, which may be its own again (as in Windmill).
    Instant ranFor = job.startedAt().isPresent() ? job.scheduledFor() : now;
    schedule.ifPresent(s -> armer.armAfterRun(tx, s, ranFor, now));
    tx.afterCommit(() -> listeners.completed(job.id()));
    return true;
  }

  /**
   * A worker's verdict on the job it ran, in a transaction of its own. A run that is not a
   * schedule's and left no log to write is one statement on PostgreSQL ({@link JobRepository#finish}
   * with its statistics), so it goes through {@link Store#inOneStatement} without a COMMIT of its
   * own: the most frequent write of a busy worker.
   */
  public boolean complete(
      Store store, Job job, Verdict verdict, Optional<LogRepository.Chunk> logTail, Instant now) {
    Function<Tx, Boolean> work = tx -> complete(tx, job, verdict, logTail, Optional.empty(), now);
    return job.schedulePath().isEmpty() && logTail.isEmpty()
        ? store.inOneStatement(work)
        : store.inTransaction(work);
  }

  private static List<StatsRepository.Sample> samples(
      Job job, JobState state, OptionalLong durationMs, Instant now) {
    String schedule = job.schedulePath().map(Object::toString).orElse("");
    double seconds = durationMs.isPresent() ? durationMs.getAsLong() / 1000.0 : 0;
    int bucket = durationMs.isPresent() ? Buckets.DURATION.index(seconds) : Buckets.NONE;
    StatsRepository.Sample run = new StatsRepository.Sample(job.workspace(), "run",
        job.scriptPath().value(), schedule, state.id(), bucket, seconds, now);
    if (job.schedulePath().isEmpty() || job.startedAt().isEmpty()) {
      return List.of(run);
    }
    Duration delay = Duration.between(job.scheduledFor(), job.startedAt().get());
    double delaySeconds = Math.max(0, delay.toNanos() / 1e9);
    return List.of(run, new StatsRepository.Sample(job.workspace(), "delay",
        job.scriptPath().value(), schedule, "", Buckets.START_DELAY.index(delaySeconds),
        delaySeconds, now));
  }
}
