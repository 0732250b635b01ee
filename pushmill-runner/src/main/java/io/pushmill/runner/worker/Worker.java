package io.pushmill.runner.worker;

import io.pushmill.runner.RunnerConfig;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.job.JobCompleter;
import io.pushmill.runner.job.Verdict;
import io.pushmill.runner.job.WorkerSignals;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.WorkerInfo;
import io.pushmill.runner.store.LogRepository.Chunk;
import io.pushmill.runner.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker: N job slots in this process. A dispatcher thread fills idle slots: it claims as many due
 * jobs as there are free slots, then sleeps until the next due time it knows of, a job queued in
 * this process, or the poll interval. A slot that finishes a job claims the next due one itself
 * while there is one, so a busy queue costs no hand-off to the dispatcher and back per job, and the
 * slots claim in parallel. All of them share the process's small pool of connections. While jobs
 * run it flushes their logs in batches, polls their cancel flags, and pings.
 */
public final class Worker implements WorkerSignals {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
  private static final Duration LOST_RACE_BACKOFF = Duration.ofMillis(5);

  private final RunnerConfig config;
  private final Store store;
  private final Clock clock;
  private final JobCompleter completer;
  private final ScriptCache cache;
  private final JobExecution execution;
  private final Reaper reaper;
  private final String instance = UUID.randomUUID().toString();
  private final RunningJobs running = new RunningJobs();
  private final Wakeup wakeup;
  private final Semaphore slots;
  private final AtomicLong executed = new AtomicLong();
  private volatile boolean stopping;
  private volatile boolean waitingForSlot;
  private ExecutorService pool;
  private Thread dispatcher;
  private ScheduledExecutorService ticks;

  public Worker(RunnerConfig config, Store store, Clock clock,
      Map<Language, LanguageRuntime> runtimes, JobCompleter completer, Reaper reaper) {
    this.config = config;
    this.store = store;
    this.clock = clock;
    this.completer = completer;
    this.cache = new ScriptCache(store, clock);
    this.execution = new JobExecution(runtimes, cache, new JobEnvironment(
        config.workerEnvironment(), config.baseUrl(), config.baseInternalUrl(),
        config.workerGroup(), config.tokenIssuer(), clock), config.defaultTimeout(), clock,
        config.databaseUrl().isPresent(),
        id -> store.read(tx -> tx.jobs().cancelRequested(List.of(id))).contains(id));
    this.reaper = reaper;
    this.wakeup = new Wakeup(clock);
    this.slots = new Semaphore(config.workerSlots());
  }

  public String name() {
    return config.workerName();
  }

  /** Registers the worker, settles what a previous run of it left running, and starts. */
  public void start() {
    boolean previousAlive = register();
    if (!previousAlive) {
      reaper.settleOrphans(name());
    }
    pool = Executors.newFixedThreadPool(config.workerSlots(),
        Thread.ofPlatform().name("pushmill-job-", 1).daemon().factory());
    ticks = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("pushmill-worker-ticks").daemon().factory());
    long flush = config.logFlushInterval().toMillis();
    ticks.scheduleWithFixedDelay(this::tick, flush, flush, TimeUnit.MILLISECONDS);
    long beat = config.heartbeatInterval().toMillis();
    ticks.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    dispatcher = Thread.ofPlatform().name("pushmill-dispatcher").daemon().start(this::dispatch);
    LOG.info("worker {} started with {} slots", name(), config.workerSlots());
  }

  /** True when a live process seems to use this name already, so its jobs are not orphans. */
  private boolean register() {
    Instant now = clock.instant();
    Instant aliveAfter = now.minus(config.heartbeatInterval().multipliedBy(2));
    Optional<WorkerInfo> previous = store.read(tx -> tx.workers().get(name(), aliveAfter));
    boolean alive = previous.filter(WorkerInfo::alive).isPresent();
    if (alive) {
      LOG.warn("worker name {} is in use by a live process (last ping {}); its running jobs are"
          + " left to the reaper", name(), previous.get().pingAt());
    }
    store.inTransaction(tx -> {
      tx.workers().register(new WorkerInfo(name(), config.workerGroup(), instance,
          config.workerSlots(), now, now, 0, true));
      return null;
    });
    return alive;
  }

  private void dispatch() {
    while (!stopping) {
      try {
        dispatchOnce();
      } catch (RuntimeException e) {
        LOG.warn("worker {} could not claim jobs; retrying after {}", name(),
            config.pollInterval(), e);
        wakeup.sleepUntil(clock.instant().plus(config.pollInterval()));
      }
    }
  }

  private void dispatchOnce() {
    waitingForSlot = true;
    int free = slots.availablePermits();
    if (free == 0) {
      wakeup.sleepUntil(clock.instant().plus(config.pollInterval()));
      waitingForSlot = false;
      return;
    }
    waitingForSlot = false;
    List<Job> claimed = claim(free, config.claimAhead());
    for (Job job : claimed) {
      slots.acquireUninterruptibly();
      RunningJobs.Handle handle = begin(job);
      pool.execute(() -> runSlot(job, handle));
    }
    if (claimed.size() < free && !stopping) {
      sleepUntilDue(claimed.isEmpty());
    }
  }

  /** Claims jobs due within {@code ahead}; {@link JobExecution} holds each until its slot. */
  private List<Job> claim(int limit, Duration ahead) {
    Instant now = clock.instant();
    return store.inOneStatement(tx -> tx.jobs().claim(name(), now, now.plus(ahead), limit));
  }

  private void sleepUntilDue(boolean claimedNothing) {
    Instant now = clock.instant();
    Instant poll = now.plus(config.pollInterval());
    Instant claimAt = store.read(tx -> tx.jobs().nextDue())
        .map(due -> due.minus(config.claimAhead()))
        .orElse(poll);
    if (!claimAt.isAfter(now)) {
      // Due but not ours: another claimer holds it. Back off a little instead of spinning.
      claimAt = claimedNothing ? now.plus(LOST_RACE_BACKOFF) : now;
    }
    wakeup.sleepUntil(claimAt.isBefore(poll) ? claimAt : poll);
  }

  /** Claims and runs the due jobs on the calling thread, one after another; for tests. */
  public int runDueNow() {
    List<Job> claimed = claim(config.workerSlots(), Duration.ZERO);
    for (Job job : claimed) {
      runClaimed(job, begin(job));
    }
    return claimed.size();
  }

  private RunningJobs.Handle begin(Job job) {
    long start = job.attempt() > 1 ? store.read(tx -> tx.logs().length(job.id())) : 0;
    return running.start(job, new LogBuffer(job.id(), start, config.logCapBytes()));
  }

  /**
   * A slot's thread: runs the job it was given, then claims and runs the next due job while there is
   * one and the worker is not stopping; then frees the slot for the dispatcher.
   */
  private void runSlot(Job first, RunningJobs.Handle firstHandle) {
    try {
      Job job = first;
      RunningJobs.Handle handle = firstHandle;
      while (true) {
        runClaimed(job, handle);
        Optional<Job> next = stopping ? Optional.empty() : claimNext();
        if (next.isEmpty()) {
          return;
        }
        job = next.get();
        handle = begin(job);
      }
    } catch (RuntimeException e) {
      LOG.warn("worker {}: a slot could not take its next job; the dispatcher takes over", name(),
          e);
    } finally {
      slots.release();
      if (waitingForSlot) {
        wakeup.signal();
      }
    }
  }

  /** One more due job for a slot that just finished one; none when the claim fails. */
  private Optional<Job> claimNext() {
    try {
      return claim(1, config.claimAhead()).stream().findFirst();
    } catch (RuntimeException e) {
      LOG.debug("worker {}: a slot's claim failed; the dispatcher retries", name(), e);
      return Optional.empty();
    }
  }

  private void runClaimed(Job job, RunningJobs.Handle handle) {
    try {
      Verdict verdict;
      try {
        verdict = execution.run(job, handle);
      } catch (RuntimeException e) {
        LOG.error("worker {} failed to run job {}", name(), job.id(), e);
        verdict = Verdict.failure(OptionalInt.empty(), "InternalError",
            "the worker failed to run the job: " + e);
      }
      verdict.logNote().ifPresent(handle.logs::note);
      finish(job, handle, verdict);
    } finally {
      running.finish(job.id());
      executed.incrementAndGet();
    }
  }

  private void finish(Job job, RunningJobs.Handle handle, Verdict verdict) {
    Optional<Chunk> tail = handle.logs.drain();
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        Instant now = clock.instant();
        boolean applied = completer.complete(store, job, verdict, tail, now);
        if (!applied) {
          LOG.warn("job {} already had a verdict (the reaper's?); the worker's {} is dropped",
              job.id(), verdict.state().id());
        }
        return;
      } catch (RuntimeException e) {
        LOG.warn("could not record the end of job {} (attempt {} of 3)", job.id(), attempt, e);
        sleepQuietly(Duration.ofSeconds(attempt));
      }
    }
  }

  /** Flushes the logs of running jobs and reads their cancel flags: every flush interval. */
  void tick() {
    try {
      flushLogs();
      pollCancels();
    } catch (RuntimeException e) {
      LOG.warn("worker {}: log flush or cancel poll failed", name(), e);
    }
  }

  void flushLogs() {
    List<Chunk> chunks = running.handles().stream()
        .flatMap(h -> h.logs.drain().stream())
        .toList();
    if (!chunks.isEmpty()) {
      store.inTransaction(tx -> {
        tx.logs().append(chunks);
        return null;
      });
    }
  }

  void pollCancels() {
    var ids = running.ids();
    if (!ids.isEmpty()) {
      store.read(tx -> tx.jobs().cancelRequested(ids)).forEach(running::cancel);
    }
  }

  /** Pings the worker's row and its running jobs. */
  void heartbeat() {
    try {
      Instant now = clock.instant();
      var ids = running.ids();
      boolean own = store.inTransaction(tx -> {
        tx.jobs().ping(ids, now);
        return tx.workers().ping(name(), instance, now, executed.get());
      });
      if (!own) {
        LOG.warn("worker {}: another process took over this worker name", name());
      }
    } catch (RuntimeException e) {
      LOG.warn("worker {}: heartbeat failed", name(), e);
    }
  }

  @Override
  public void jobQueued(Instant scheduledFor) {
    wakeup.hint(scheduledFor.minus(config.claimAhead()));
  }

  @Override
  public void cancelRequested(UUID jobId) {
    running.cancel(jobId);
  }

  /** Forgets cached workspace variables after they changed. */
  public void variablesChanged(String workspace) {
    cache.invalidateVariables(workspace);
  }

  /**
   * Stops claiming, lets running jobs finish for up to {@code grace}, then cancels the rest and
   * waits a little more for their verdicts; a job still running after that is the reaper's.
   */
  public void stop(Duration grace) {
    if (dispatcher == null) {
      return;
    }
    stopping = true;
    wakeup.signal();
    joinQuietly(dispatcher);
    pool.shutdown();
    if (!awaitQuietly(pool, grace)) {
      running.handles().forEach(h -> h.requestShutdown("worker " + name() + " is shutting down"));
      awaitQuietly(pool, Duration.ofSeconds(10));
    }
    ticks.shutdownNow();
    awaitQuietly(ticks, Duration.ofSeconds(5));
    tick();
    store.inTransaction(tx -> {
      tx.workers().remove(name(), instance);
      return null;
    });
    LOG.info("worker {} stopped after {} jobs", name(), executed.get());
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean awaitQuietly(ExecutorService pool, Duration d) {
    try {
      return pool.awaitTermination(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
