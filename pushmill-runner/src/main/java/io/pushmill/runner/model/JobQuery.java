package io.pushmill.runner.model;

import io.pushmill.runner.BadRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Filters of the job list, as Windmill's {@code jobs/list} takes them, plus the UI's. {@code
 * running} true means running jobs, false means queued ones; {@code success} true means successful
 * jobs, false means failed or canceled ones; {@code states}, when not empty, keeps only jobs in one
 * of them. {@code worker} is the worker that claimed the job. {@code minDuration} and {@code
 * maxDuration} bound the run time of finished jobs (inclusive), so either excludes unfinished jobs.
 * Pages count from 1; jobs come newest first.
 */
public record JobQuery(
    Optional<ScriptPath> scriptPathExact,
    Optional<ScriptPath> schedulePath,
    Optional<Boolean> running,
    Optional<Boolean> success,
    Optional<Instant> createdAfter,
    Optional<Instant> createdBefore,
    Set<JobKind> kinds,
    Set<JobState> states,
    Optional<String> worker,
    Optional<Duration> minDuration,
    Optional<Duration> maxDuration,
    int page,
    int perPage) {

  public static final int MAX_PER_PAGE = 1000;

  public JobQuery {
    kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
    checkPage(page, perPage);
    checkDuration("minimum duration", minDuration);
    checkDuration("maximum duration", maxDuration);
  }

  /** Every job, first page of 30. */
  public static JobQuery all() {
    return new JobQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Set.of(), Set.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), 1, 30);
  }

  static void checkPage(int page, int perPage) {
    if (page < 1) {
      throw new BadRequestException("page must be 1 or more, got " + page);
    }
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new BadRequestException(
          "per_page must be between 1 and " + MAX_PER_PAGE + ", got " + perPage);
    }
  }

  private static void checkDuration(String what, Optional<Duration> d) {
    if (d.isPresent() && d.get().isNegative()) {
      throw new BadRequestException(what + " must not be negative, got " + d.get());
    }
  }

  public JobQuery withScriptPath(ScriptPath p) {
    return new JobQuery(Optional.of(p), schedulePath, running, success, createdAfter,
        createdBefore, kinds, states, worker, minDuration, maxDuration, page, perPage);
  }

  public JobQuery withSchedulePath(ScriptPath p) {
    return new JobQuery(scriptPathExact, Optional.of(p), running, success, createdAfter,
        createdBefore, kinds, states, worker, minDuration, maxDuration, page, perPage);
  }

  public JobQuery withRunning(boolean value) {
    return new JobQuery(scriptPathExact, schedulePath, Optional.of(value), success, createdAfter,
        createdBefore, kinds, states, worker, minDuration, maxDuration, page, perPage);
  }

  public JobQuery withSuccess(boolean value) {
    return new JobQuery(scriptPathExact, schedulePath, running, Optional.of(value), createdAfter,
        createdBefore, kinds, states, worker, minDuration, maxDuration, page, perPage);
  }

  public JobQuery withCreatedAfter(Instant t) {
    return new JobQuery(scriptPathExact, schedulePath, running, success, Optional.of(t),
        createdBefore, kinds, states, worker, minDuration, maxDuration, page, perPage);
  }

  public JobQuery withCreatedBefore(Instant t) {
    return new JobQuery(scriptPathExact, schedulePath, running, success, createdAfter,
        Optional.of(t), kinds, states, worker, minDuration, maxDuration, page, perPage);
  }

  public JobQuery withKinds(Set<JobKind> newKinds) {
    return new JobQuery(scriptPathExact, schedulePath, running, success, createdAfter,
        createdBefore, newKinds, states, worker, minDuration, maxDuration, page, perPage);
  }

  /** Only jobs in one of these states; an empty set means any state. */
  public JobQuery withStates(Set<JobState> newStates) {
    return new JobQuery(scriptPathExact, schedulePath, running, success, createdAfter,
        createdBefore, kinds, newStates, worker, minDuration, maxDuration, page, perPage);
  }

  /** Only jobs claimed by the worker of this name. */
  public JobQuery withWorker(String name) {
    return new JobQuery(scriptPathExact, schedulePath, running, success, createdAfter,
        createdBefore, kinds, states, Optional.of(name), minDuration, maxDuration, page, perPage);
  }

  /** Only finished jobs that ran at least this long. */
  public JobQuery withMinDuration(Duration d) {
    return new JobQuery(scriptPathExact, schedulePath, running, success, createdAfter,
        createdBefore, kinds, states, worker, Optional.of(d), maxDuration, page, perPage);
  }

  /** Only finished jobs that ran at most this long. */
  public JobQuery withMaxDuration(Duration d) {
    return new JobQuery(scriptPathExact, schedulePath, running, success, createdAfter,
        createdBefore, kinds, states, worker, minDuration, Optional.of(d), page, perPage);
  }

  public JobQuery withPage(int newPage, int newPerPage) {
    return new JobQuery(scriptPathExact, schedulePath, running, success, createdAfter,
        createdBefore, kinds, states, worker, minDuration, maxDuration, newPage, newPerPage);
  }
}
