package io.pushmill.runner.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.ConflictException;
import io.pushmill.runner.NotFoundException;
import io.pushmill.runner.model.Actor;
import io.pushmill.runner.model.ArgsValidator;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.LogSlice;
import io.pushmill.runner.model.Script;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.runner.store.LogRepository;
import io.pushmill.runner.store.Store;
import io.pushmill.runner.store.Tx;
import io.pushmill.runner.store.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/** Jobs as the API sees them: run a script, read jobs and their logs, cancel, wait for the end. */
public final class JobService {
  private static final Duration AWAIT_POLL = Duration.ofMillis(200);

  private final Store store;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final WorkerSignals signals;
  private final JobCompleter completer;
  private final CompletionListeners listeners;

  public JobService(Store store, Clock clock, Supplier<UUID> ids, WorkerSignals signals,
      JobCompleter completer, CompletionListeners listeners) {
    this.store = store;
    this.clock = clock;
    this.ids = ids;
    this.signals = signals;
    this.completer = completer;
    this.listeners = listeners;
  }

  /** Queues a run of the script's head version; {@code scheduledFor} defaults to now. */
  public UUID run(String workspace, ScriptPath path, JsonNode args, Actor actor,
      Optional<Instant> scheduledFor) {
    return enqueue(workspace, actor, scheduledFor, args, tx -> tx.scripts().head(workspace, path)
        .filter(s -> !s.archived())
        .orElseThrow(() -> new NotFoundException("script " + path + " not found in workspace "
            + workspace)));
  }

  /** Queues a run of one version of a script. */
  public UUID runByHash(String workspace, String hash, JsonNode args, Actor actor,
      Optional<Instant> scheduledFor) {
    return enqueue(workspace, actor, scheduledFor, args, tx -> tx.scripts().byHash(workspace, hash)
        .orElseThrow(() -> new NotFoundException("script version " + hash
            + " not found in workspace " + workspace)));
  }

  private UUID enqueue(String workspace, Actor actor, Optional<Instant> scheduledFor,
      JsonNode args, Function<Tx, Script> target) {
    Instant now = clock.instant();
    Instant due = scheduledFor.orElse(now);
    UUID id = ids.get();
    store.inTransaction(tx -> {
      Workspaces.require(tx, workspace);
      Script script = target.apply(tx);
      ObjectNode validated = ArgsValidator.validate(script.path(), script.params(), args);
      tx.jobs().insert(Job.queued(id, workspace, script, Optional.empty(), validated, due, now,
          actor.username(), actor.permissionedAs(), actor.email()));
      tx.afterCommit(() -> signals.jobQueued(due));
      return null;
    });
    return id;
  }

  public Job get(String workspace, UUID id) {
    return store.read(tx -> find(tx, workspace, id));
  }

  private static Job find(Tx tx, String workspace, UUID id) {
    Workspaces.require(tx, workspace);
    return tx.jobs().get(id).filter(j -> j.workspace().equals(workspace))
        .orElseThrow(() -> new NotFoundException("job " + id + " not found in workspace "
            + workspace));
  }

  public List<Job> list(String workspace, JobQuery query) {
    return store.read(tx -> {
      Workspaces.require(tx, workspace);
      return tx.jobs().list(workspace, query);
    });
  }

  /** The log from {@code offset} (UTF-16 characters) on, for a live tail. */
  public LogSlice logs(String workspace, UUID id, long offset) {
    return store.read(tx -> {
      find(tx, workspace, id);
      return tx.logs().read(id, offset);
    });
  }

  /**
   * Cancels a job: a queued one at once (a schedule's occurrence is then followed by the next one),
   * a running one through the flag its worker polls. A finished job is a conflict.
   */
  public Job cancel(String workspace, UUID id, Actor actor, String reason) {
    Job job = get(workspace, id);
    String why = reason == null || reason.isBlank() ? "canceled by " + actor.username() : reason;
    if (job.state() == JobState.QUEUED && cancelQueued(job, actor, why)) {
      return get(workspace, id);
    }
    boolean flagged = store.inTransaction(tx -> {
      boolean raised = tx.jobs().requestCancel(id, actor.username(), why);
      if (raised) {
        tx.afterCommit(() -> signals.cancelRequested(id));
      }
      return raised;
    });
    Job now = get(workspace, id);
    if (!flagged && now.finished()) {
      throw new ConflictException("job " + id + " has already finished (" + now.state().id()
          + ")");
    }
    return now;
  }

  private boolean cancelQueued(Job job, Actor actor, String why) {
    Verdict verdict = Verdict.canceled(actor.username(), why, "job canceled before it started: "
        + why);
    return store.inTransaction(tx -> {
      long start = tx.logs().length(job.id());
      var note = new LogRepository.Chunk(job.id(), start, verdict.logNote().orElseThrow() + "\n");
      return completer.complete(tx, job, verdict, Optional.of(note), Optional.empty(),
          clock.instant());
    });
  }

  /** Waits until the job has finished or {@code timeout} has passed; returns it as it is then. */
  public Job await(String workspace, UUID id, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<Void> done = listeners.register(id);
    try {
      while (true) {
        Job job = get(workspace, id);
        long left = deadline - System.nanoTime();
        if (job.finished() || left <= 0) {
          return job;
        }
        try {
          done.get(Math.min(left, AWAIT_POLL.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
          // Finished elsewhere, or not yet: the next read tells.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return get(workspace, id);
        }
      }
    } finally {
      listeners.unregister(id, done);
    }
  }
}
