package io.pushmill.runner.job;

import io.pushmill.runner.metrics.Buckets;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.schedule.ScheduleArmer;
import io.pushmill.runner.store.JobFinish;
import io.pushmill.runner.store.LogRepository;
import io.pushmill.runner.store.StatsRepository;
import io.pushmill.runner.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one way a job gets its verdict, whoever gives it (its worker, a cancel of a queued job, the
 * reaper). In the caller's transaction it records the verdict (only if the job is still as the
 * caller saw it), the log's tail, the run statistics and, for a schedule's occurrence, the next
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
        verdict.error(), verdict.canceledBy(), verdict.canceledReason());
    if (!tx.jobs().finish(finish)) {
      return false;
    }
    logTail.ifPresent(chunk -> tx.logs().append(List.of(chunk)));
    recordStats(tx, job, verdict.state(), durationMs, now);
    schedule.ifPresent(s -> armer.armAfterRun(tx, s, job.scheduledFor(), now));
    tx.afterCommit(() -> listeners.completed(job.id()));
    return true;
  }

  private static void recordStats(
      Tx tx, Job job, JobState state, OptionalLong durationMs, Instant now) {
    String schedule = job.schedulePath().map(Object::toString).orElse("");
    double seconds = durationMs.isPresent() ? durationMs.getAsLong() / 1000.0 : 0;
    int bucket = durationMs.isPresent() ? Buckets.DURATION.index(seconds) : Buckets.NONE;
    StatsRepository stats = tx.stats();
    stats.record(new StatsRepository.Sample(job.workspace(), "run", job.scriptPath().value(),
        schedule, state.id(), bucket, seconds, now));
    if (job.schedulePath().isPresent() && job.startedAt().isPresent()) {
      Duration delay = Duration.between(job.scheduledFor(), job.startedAt().get());
      double delaySeconds = Math.max(0, delay.toNanos() / 1e9);
      stats.record(new StatsRepository.Sample(job.workspace(), "delay", job.scriptPath().value(),
          schedule, "", Buckets.START_DELAY.index(delaySeconds), delaySeconds, now));
    }
  }
}
