package io.pushmill.runner.worker;

import io.pushmill.runner.job.JobCompleter;
import io.pushmill.runner.job.Verdict;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.Script;
import io.pushmill.runner.store.LogRepository.Chunk;
import io.pushmill.runner.store.Store;
import io.pushmill.runner.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a verdict on jobs whose worker died: running jobs whose ping is older than the zombie
 * timeout, and the jobs a restarted worker finds under its own name. A job of an idempotent script
 * is requeued up to the restart limit; any other fails with a message naming the worker. Every
 * verdict is a compare-and-set, so several reapers in several processes are safe.
 */
public final class Reaper {
  private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);
  private static final int BATCH = 100;

  private final Store store;
  private final Clock clock;
  private final JobCompleter completer;
  private final Duration zombieTimeout;
  private final int restartLimit;

  public Reaper(Store store, Clock clock, JobCompleter completer, Duration zombieTimeout,
      int restartLimit) {
    this.store = store;
    this.clock = clock;
    this.completer = completer;
    this.zombieTimeout = zombieTimeout;
    this.restartLimit = restartLimit;
  }

  /** Settles running jobs that stopped pinging; returns how many got a verdict. */
  public int reapStale() {
    Instant pingBefore = clock.instant().minus(zombieTimeout);
    List<Job> stale = store.read(tx -> tx.jobs().stale(pingBefore, BATCH));
    int settled = 0;
    for (Job job : stale) {
      String why = "worker " + job.worker().orElse("?") + " stopped responding: no ping for more"
          + " than " + zombieTimeout.toSeconds() + " s (last at "
          + job.pingAt().map(t -> t.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("never")
          + ")";
      if (settle(job, why, Optional.of(pingBefore))) {
        settled++;
      }
    }
    return settled;
  }

  /** Settles the jobs a previous run of worker {@code name} left running. */
  public int settleOrphans(String name) {
    List<Job> orphans = store.read(tx -> tx.jobs().runningOn(name));
    int settled = 0;
    for (Job job : orphans) {
      if (settle(job, "worker " + name + " restarted while the job was running", Optional.empty())) {
        settled++;
      }
    }
    return settled;
  }

  private boolean settle(Job job, String why, Optional<Instant> pingBefore) {
    boolean idempotent = store.read(tx -> tx.scripts().byHash(job.workspace(), job.scriptHash()))
        .map(Script::idempotent).orElse(false);
    int restarts = job.attempt() - 1;
    boolean done = store.inTransaction(tx -> idempotent && restarts < restartLimit
        ? requeue(tx, job, why, pingBefore, restarts + 1)
        : fail(tx, job, why, pingBefore, idempotent));
    if (done) {
      LOG.warn("job {} ({}): {}", job.id(), job.scriptPath(), why);
    }
    return done;
  }

  private boolean requeue(Tx tx, Job job, String why, Optional<Instant> pingBefore, int restart) {
    if (!tx.jobs().requeue(job.id(), job.worker().orElseThrow(), pingBefore)) {
      return false;
    }
    note(tx, job, "[pushmill: " + why + "; the script is idempotent, so the job is queued again"
        + " (restart " + restart + " of " + restartLimit + ")]");
    return true;
  }

  private boolean fail(Tx tx, Job job, String why, Optional<Instant> pingBefore,
      boolean idempotent) {
    String message = why + (idempotent ? "; restart limit of " + restartLimit + " reached" : "")
        + "; job failed";
    Verdict verdict = Verdict.failure(OptionalInt.empty(), "WorkerLost", message);
    long start = tx.logs().length(job.id());
    Chunk tail = new Chunk(job.id(), start, "\n[pushmill: " + message + "]\n");
    return completer.complete(tx, job, verdict, Optional.of(tail), pingBefore, clock.instant());
  }

  private static void note(Tx tx, Job job, String line) {
    long start = tx.logs().length(job.id());
    tx.logs().append(List.of(new Chunk(job.id(), start, "\n" + line + "\n")));
  }
}
