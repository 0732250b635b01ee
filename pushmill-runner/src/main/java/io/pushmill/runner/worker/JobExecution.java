package io.pushmill.runner.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.BadRequestException;
import io.pushmill.runner.exec.ExecutionRequest;
import io.pushmill.runner.exec.ExecutionResult;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.job.Verdict;
import io.pushmill.runner.model.ArgsValidator;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.Json;
import io.pushmill.runner.model.Script;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs one claimed job through its language runtime and turns the outcome into a verdict, with
 * Windmill's conventions: a timeout or a cancel ends as {@code canceled} (by {@code timeout} for a
 * timeout), a failure's result is an error object. Never throws for a job's own failure.
 */
final class JobExecution {
  private final Map<Language, LanguageRuntime> runtimes;
  private final ScriptCache cache;
  private final JobEnvironment environment;
  private final Duration defaultTimeout;

  JobExecution(Map<Language, LanguageRuntime> runtimes, ScriptCache cache,
      JobEnvironment environment, Duration defaultTimeout) {
    this.runtimes = Map.copyOf(runtimes);
    this.cache = cache;
    this.environment = environment;
    this.defaultTimeout = defaultTimeout;
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
        environment.build(job, cache.variables(job.workspace())), timeout);
    ExecutionResult result = runtime.execute(request, handle.logs, handle::cancelRequested);
    return verdict(result, timeout, handle);
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
