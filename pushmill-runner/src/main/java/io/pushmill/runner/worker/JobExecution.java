package io.pushmill.runner.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.BadRequestException;
import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.ExecutionRequest;
import io.pushmill.runner.exec.ExecutionResult;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.job.Verdict;
import io.pushmill.runner.model.ArgsValidator;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.Script;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Runs one claimed job through its language runtime and turns the outcome into a verdict, with
 * Windmill's conventions: a timeout or a cancel ends as {@code canceled} (by {@code timeout} for a
 * timeout), a failure's result is an error object. Never throws for a job's own failure.
 */
final class JobExecution {
  private static final Duration MAX_HOLD = Duration.ofSeconds(1);

  private final Map<Language, LanguageRuntime> runtimes;
  private final ScriptCache cache;
  private final JobEnvironment environment;
  private final Duration defaultTimeout;
  private final Clock clock;
  private final boolean sharedStore;
  private final Predicate<UUID> canceledInStore;

  /**
   * @param sharedStore whether other processes use the database (PostgreSQL)
   * @param canceledInStore reads a job's cancel flag from the database
   */
  JobExecution(Map<Language, LanguageRuntime> runtimes, ScriptCache cache,
      JobEnvironment environment, Duration defaultTimeout, Clock clock, boolean sharedStore,
      Predicate<UUID> canceledInStore) {
    this.runtimes = Map.copyOf(runtimes);
    this.cache = cache;
    this.environment = environment;
    this.defaultTimeout = defaultTimeout;
    this.clock = clock;
    this.sharedStore = sharedStore;
    this.canceledInStore = canceledInStore;
  }

  Verdict run(Job job, RunningJobs.Handle handle) {
    Optional<Script> found = cache.script(job.workspace(), job.scriptHash());
    if (found.isEmpty()) {
      return Verdict.failure(OptionalInt.empty(), "ScriptNotFound", "script version "
          + job.scriptHash() + " of " + job.scriptPath() + " no longer exists");
    }
    Script script = found.get();
    LanguageRuntime runtime = runtimes.get(script.language());
    if (runtime == null) {
      return Verdict.failure(OptionalInt.empty(), "UnsupportedLanguage", "this worker cannot run "
          + script.language().id() + " scripts");
    }
    ObjectNode args;
    try {
      args = ArgsValidator.validate(script.path(), script.params(), job.args());
    } catch (BadRequestException e) {
      return Verdict.failure(OptionalInt.empty(), "InvalidArgs", e.getMessage());
    }
    Duration timeout = script.timeout().orElse(defaultTimeout);
    ExecutionRequest request = new ExecutionRequest(job.id(), script.path().value(),
        script.language(), script.content(), script.contentHash(), args,
        environment.build(job, cache.variables(job.workspace())), timeout, startAt(job));
    ExecutionResult result =
        runtime.execute(request, handle.logs, cancellation(job, request.startAt(), handle));
    return verdict(result, timeout, handle);
  }

  /**
   * A job claimed ahead of its slot starts at its slot: its runtime prepares everything up to the
   * process start, then holds until then, so a schedule's run starts within the process start time
   * of its slot. Translated to the wall clock, which the runtime waits on, and bounded by {@link
   * #MAX_HOLD}, so that a clock that is not the wall clock cannot hang a slot.
   */
  private Optional<Instant> startAt(Job job) {
    return job.startedAt()
        .map(start -> Duration.between(clock.instant(), start))
        .filter(Duration::isPositive)
        .map(left -> Instant.now().plus(left.compareTo(MAX_HOLD) < 0 ? left : MAX_HOLD));
  }

  /**
   * The job's cancel flag as this worker knows it (set at once by a cancel in this process, polled
   * from the database otherwise). A job held for its slot also asks the database once its slot has
   * come, when the database is shared: another process may have disabled the schedule meanwhile,
   * and the run must not start then.
   */
  private Cancellation cancellation(Job job, Optional<Instant> startAt, RunningJobs.Handle handle) {
    if (startAt.isEmpty() || !sharedStore) {
      return handle::cancelRequested;
    }
    AtomicBoolean asked = new AtomicBoolean();
    return () -> handle.cancelRequested()
        || (!Instant.now().isBefore(startAt.get()) && asked.compareAndSet(false, true)
            && canceledInStore.test(job.id()));
  }

  private static Verdict verdict(ExecutionResult r, Duration timeout, RunningJobs.Handle handle) {
    return switch (r.outcome()) {
      case SUCCESS -> Verdict.success(r.exitCode(), validJson(r.resultJson().orElse("null")));
      case FAILURE -> {
        String message = r.error().orElse(r.exitCode().isPresent()
            ? "exited with code " + r.exitCode().getAsInt() : "failed");
        Verdict v = Verdict.failure(r.exitCode(), "ExecutionErr", message);
        yield r.resultJson().map(j -> v.withResult(validJson(j))).orElse(v);
      }
      case TIMEOUT -> Verdict.canceled("timeout", "duration > " + timeout.toSeconds(),
          "job timed out after " + timeout.toSeconds() + " s; its process tree was ended")
          .withExitCode(r.exitCode());
      case CANCELED -> handle.shutdownReason()
          .map(reason -> Verdict.canceled("worker", reason, "job canceled: " + reason))
          .orElseGet(() -> Verdict.canceledAsRequested(r.exitCode()));
    };
  }

  /** The runtime's JSON, or a JSON string holding it if it does not parse. */
  private static String validJson(String text) {
    if (text.isBlank()) {
      return "null";
    }
    try {
      return Json.write(Json.MAPPER.readTree(text));
    } catch (Exception e) {
      return Json.write(Json.MAPPER.getNodeFactory().textNode(text));
    }
  }
}
