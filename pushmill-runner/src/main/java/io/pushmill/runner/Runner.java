package io.pushmill.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.job.CompletionListeners;
import io.pushmill.runner.job.JobCompleter;
import io.pushmill.runner.job.JobService;
import io.pushmill.runner.job.Retention;
import io.pushmill.runner.job.WorkerSignals;
import io.pushmill.runner.metrics.JobMetrics;
import io.pushmill.runner.model.Actor;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.LogSlice;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.NewScript;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.ScheduleEdit;
import io.pushmill.runner.model.Script;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.runner.model.WorkerInfo;
import io.pushmill.runner.schedule.ScheduleArmer;
import io.pushmill.runner.schedule.ScheduleService;
import io.pushmill.runner.script.ScriptService;
import io.pushmill.runner.store.JdbcStore;
import io.pushmill.runner.store.Store;
import io.pushmill.runner.worker.Reaper;
import io.pushmill.runner.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The runner's facade: what the HTTP API and the CLI call. It owns the database, the services, this
 * process's worker (when it has slots) and the periodic duties. Methods are thread-safe; they throw
 * {@link BadRequestException}, {@link NotFoundException}, {@link ConflictException} or
 * {@link StorageException} with messages fit for an API error body.
 */
public final class Runner implements AutoCloseable {
  private final RunnerConfig config;
  private final Store store;
  private final Clock clock;
  private final ScriptService scripts;
  private final ScheduleService schedules;
  private final JobService jobs;
  private final Variables variables;
  private final Reaper reaper;
  private final Retention retention;
  private final JobMetrics metrics;
  private final Optional<Worker> worker;
  private final Housekeeping housekeeping;
  private boolean started;
  private boolean stopped;

  private Runner(RunnerConfig config, Store store, Map<Language, LanguageRuntime> runtimes,
      Clock clock) {
    this.config = config;
    this.store = store;
    this.clock = clock;
    SignalRelay relay = new SignalRelay();
    CompletionListeners listeners = new CompletionListeners();
    ScheduleArmer armer = new ScheduleArmer(UUID::randomUUID, relay);
    JobCompleter completer = new JobCompleter(armer, listeners);
    this.scripts = new ScriptService(store, runtimes, clock);
    this.schedules = new ScheduleService(store, clock, armer);
    this.jobs = new JobService(store, clock, UUID::randomUUID, relay, completer, listeners);
    this.reaper = new Reaper(store, clock, completer, config.zombieTimeout(),
        config.zombieRestartLimit());
    this.retention = new Retention(store, clock, config.retention(), config.retentionBatch());
    this.metrics = new JobMetrics(store, clock, config.metricsCacheTtl(),
        config.heartbeatInterval().multipliedBy(3));
    this.worker = config.workerSlots() == 0 ? Optional.empty()
        : Optional.of(new Worker(config, store, clock, runtimes, completer, reaper));
    worker.ifPresent(relay::target);
    this.variables = new Variables(store, clock, worker);
    this.housekeeping = new Housekeeping(config, reaper, schedules, retention);
  }

  /** Opens (and migrates) the database; call {@link #start()} to run jobs. */
  public static Runner create(RunnerConfig config, Map<Language, LanguageRuntime> runtimes) {
    return create(config, runtimes, Clock.systemUTC());
  }

  /** As {@link #create(RunnerConfig, Map)}, with a clock of the caller's (tests set the time). */
  public static Runner create(RunnerConfig config, Map<Language, LanguageRuntime> runtimes,
      Clock clock) {
    Store store = config.databaseUrl()
        .map(url -> JdbcStore.open(url, config.maxConnections()))
        .orElseGet(() -> JdbcStore.openH2(config.dataDir().orElseThrow(),
            config.maxConnections()));
    return new Runner(config, store, runtimes, clock);
  }

  /**
   * Starts the worker (if this process has slots) and the reaper, reconciler and retention. A
   * runner starts once; after {@link #stop()} make a new one.
   */
  public synchronized void start() {
    if (stopped) {
      throw new IllegalStateException("this runner was stopped; create a new one to start again");
    }
    if (started) {
      return;
    }
    started = true;
    schedules.reconcile();
    worker.ifPresent(Worker::start);
    housekeeping.start();
  }

  /** Stops claiming jobs, lets running ones finish within the shutdown grace, stops the duties. */
  public synchronized void stop() {
    if (!started || stopped) {
      return;
    }
    stopped = true;
    housekeeping.stop();
    worker.ifPresent(w -> w.stop(config.shutdownGrace()));
  }

  /** Stops, then closes the database pool. */
  @Override
  public void close() {
    stop();
    store.close();
  }

  public RunnerConfig config() {
    return config;
  }

  // Workspaces and their variables.

  public List<String> workspaces() {
    return variables.workspaces();
  }

  public void createWorkspace(String id, String name) {
    variables.createWorkspace(id, name);
  }

  /** The workspace's variables, which every job gets in its environment. */
  public Map<String, String> variables(String workspace) {
    return variables.get(workspace);
  }

  public void setVariable(String workspace, String name, String value) {
    variables.set(workspace, name, value);
  }

  public void deleteVariable(String workspace, String name) {
    variables.delete(workspace, name);
  }

  // Scripts.

  /** Stores a new version (or returns the unchanged head); its hash is what Windmill answers. */
  public Script createScript(String workspace, NewScript script, Actor actor) {
    return scripts.create(workspace, script, actor);
  }

  /** The head version at a path, archived or not. */
  public Script script(String workspace, ScriptPath path) {
    return scripts.get(workspace, path);
  }

  public Script scriptByHash(String workspace, String hash) {
    return scripts.byHash(workspace, hash);
  }

  public List<Script> scripts(String workspace, ListQuery query) {
    return scripts.list(workspace, query);
  }

  public List<Script> scriptVersions(String workspace, ScriptPath path) {
    return scripts.versions(workspace, path);
  }

  public void archiveScript(String workspace, ScriptPath path) {
    scripts.archive(workspace, path);
  }

  // Schedules.

  public Schedule createSchedule(String workspace, NewSchedule schedule, Actor actor) {
    return schedules.create(workspace, schedule, actor);
  }

  public Schedule updateSchedule(String workspace, ScriptPath path, ScheduleEdit edit,
      Actor actor) {
    return schedules.update(workspace, path, edit, actor);
  }

  public Schedule schedule(String workspace, ScriptPath path) {
    return schedules.get(workspace, path);
  }

  public List<Schedule> schedules(String workspace, ListQuery query) {
    return schedules.list(workspace, query);
  }

  public Schedule setScheduleEnabled(String workspace, ScriptPath path, boolean enabled,
      Actor actor) {
    return schedules.setEnabled(workspace, path, enabled, actor);
  }

  public void deleteSchedule(String workspace, ScriptPath path) {
    schedules.delete(workspace, path);
  }

  /** The next {@code count} slots of a cron expression in a timezone (Windmill's preview). */
  public List<Instant> previewSchedule(String cron, String timezone, int count) {
    return schedules.preview(cron, timezone, count);
  }

  // Jobs.

  /** Queues a run of the script at {@code path} now; answers the job's id. */
  public UUID runScript(String workspace, ScriptPath path, JsonNode args, Actor actor) {
    return jobs.run(workspace, path, args, actor, Optional.empty());
  }

  /** Queues a run that starts no earlier than {@code scheduledFor}. */
  public UUID runScript(String workspace, ScriptPath path, JsonNode args, Actor actor,
      Instant scheduledFor) {
    return jobs.run(workspace, path, args, actor, Optional.of(scheduledFor));
  }

  public UUID runScriptByHash(String workspace, String hash, JsonNode args, Actor actor) {
    return jobs.runByHash(workspace, hash, args, actor, Optional.empty());
  }

  public Job job(String workspace, UUID id) {
    return jobs.get(workspace, id);
  }

  public List<Job> jobs(String workspace, JobQuery query) {
    return jobs.list(workspace, query);
  }

  /** The job's log from {@code offset} on (UTF-16 characters), and the next offset to ask for. */
  public LogSlice logs(String workspace, UUID id, long offset) {
    return jobs.logs(workspace, id, offset);
  }

  /** The result of a finished job; empty while it is queued or running. */
  public Optional<JsonNode> result(String workspace, UUID id) {
    Job job = jobs.get(workspace, id);
    return job.finished() ? job.result() : Optional.empty();
  }

  public Job cancelJob(String workspace, UUID id, Actor actor, String reason) {
    return jobs.cancel(workspace, id, actor, reason);
  }

  /** Waits for the job to finish, up to {@code timeout}; returns the job as it then is. */
  public Job awaitJob(String workspace, UUID id, Duration timeout) {
    return jobs.await(workspace, id, timeout);
  }

  // Workers and metrics.

  public List<WorkerInfo> workers() {
    Instant aliveAfter = clock.instant().minus(config.heartbeatInterval().multipliedBy(3));
    return store.read(tx -> tx.workers().list(aliveAfter));
  }

  /** The automatic job metrics, for the gateway to merge into its scrape. */
  public List<MetricFamily> metrics() {
    return metrics.collect();
  }

  // Test hooks: the periodic duties, run once on the caller's thread.

  int runDueJobs() {
    return worker.orElseThrow(() -> new IllegalStateException("this runner has no worker slots"))
        .runDueNow();
  }

  int reap() {
    return reaper.reapStale();
  }

  int reconcile() {
    return schedules.reconcile();
  }

  int applyRetention() {
    return retention.run();
  }

  Store store() {
    return store;
  }

  Optional<Worker> worker() {
    return worker;
  }

  /** Forwards signals to the worker made after the services that send them. */
  private static final class SignalRelay implements WorkerSignals {
    private volatile WorkerSignals target = WorkerSignals.NONE;

    void target(WorkerSignals t) {
      this.target = t;
    }

    @Override
    public void jobQueued(Instant scheduledFor) {
      target.jobQueued(scheduledFor);
    }

    @Override
    public void cancelRequested(UUID jobId) {
      target.cancelRequested(jobId);
    }
  }
}
