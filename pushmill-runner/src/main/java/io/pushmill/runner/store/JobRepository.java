package io.pushmill.runner.store;

import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.ScriptPath;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The jobs table, queue and history in one. Every state change is a compare-and-set on the state
 * the caller expects, so concurrent workers, reapers and cancels never apply two verdicts.
 */
public interface JobRepository {
  /** Stores a new job; a scheduled one becomes its schedule's one active occurrence. */
  void insert(Job job);

  Optional<Job> get(UUID id);

  /** Newest first. */
  List<Job> list(String workspace, JobQuery query);

  /**
   * Moves up to {@code limit} jobs due by {@code dueBy} (queued, {@code scheduled_for <= dueBy})
   * to running for {@code worker}, earliest slot first. A job is claimed by one caller only,
   * whatever the number of concurrent callers in this or other processes. Its start is {@code now},
   * or its slot when it is claimed ahead of it ({@code dueBy} after {@code now}): the worker then
   * holds it until that instant. A single statement on PostgreSQL, so it may run through {@link
   * Store#inOneStatement}.
   */
  List<Job> claim(String worker, Instant now, Instant dueBy, int limit);

  /** Claims jobs already due at {@code now}. */
  default List<Job> claim(String worker, Instant now, int limit) {
    return claim(worker, now, now, limit);
  }

  /** The earliest {@code scheduled_for} of the queued jobs. */
  Optional<Instant> nextDue();

  /** Applies a verdict if the job is still as the verdict expects; true when it was applied. */
  boolean finish(JobFinish finish);

  /** Raises the cancel flag of a running job; false when it is not running. */
  boolean requestCancel(UUID id, String by, String reason);

  /** Those of {@code ids} whose cancel flag is raised. */
  Set<UUID> cancelRequested(Collection<UUID> ids);

  /** Refreshes the ping of running jobs. */
  void ping(Collection<UUID> ids, Instant now);

  /** Running jobs whose last ping is older than {@code pingBefore}. */
  List<Job> stale(Instant pingBefore, int limit);

  /** Jobs a worker of this name left running. */
  List<Job> runningOn(String worker);

  /**
   * Puts a running job back in the queue with its attempt raised, if it is still running on
   * {@code worker} and, when given, its ping is older than {@code pingBefore}.
   */
  boolean requeue(UUID id, String worker, Optional<Instant> pingBefore);

  /** The schedule's queued or running occurrence. */
  Optional<Job> occurrence(String workspace, ScriptPath schedule);

  /** Deletes the schedule's queued occurrence (a running one stays); returns the count. */
  int deleteQueuedOccurrence(String workspace, ScriptPath schedule);

  /**
   * The schedule's occurrence that a worker claimed ahead of its slot and holds until then (running,
   * with a start after {@code now}); its process has not started.
   */
  Optional<UUID> heldOccurrence(String workspace, ScriptPath schedule, Instant now);

  /** Points the queued occurrences of schedules running this script at a new version. */
  int retarget(String workspace, ScriptPath script, String hash, Language language);

  /** Finished jobs that ended before {@code t}, oldest first. */
  List<UUID> finishedBefore(Instant t, int limit);

  int delete(Collection<UUID> ids);

  /**
   * Jobs waiting or running: {@code queued} (due by {@code now}), {@code scheduled} (due later)
   * and {@code running}, each present even when zero.
   */
  Map<String, Long> activeCounts(Instant now);

  /** The queued occurrences of schedules: workspace, schedule path and slot. */
  List<Occurrence> queuedOccurrences();

  /** A schedule's queued occurrence. */
  record Occurrence(String workspace, ScriptPath schedule, Instant at) {}
}
