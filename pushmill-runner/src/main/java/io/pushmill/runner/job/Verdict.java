package io.pushmill.runner.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.Json;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a job ended, before it is written: the final state, exit code, result JSON, a one-line error,
 * who canceled it and why, and a note appended to its log.
 */
public record Verdict(
    JobState state,
    OptionalInt exitCode,
    Optional<String> resultJson,
    Optional<String> error,
    Optional<String> canceledBy,
    Optional<String> canceledReason,
    Optional<String> logNote) {

  public static Verdict success(OptionalInt exitCode, String resultJson) {
    return new Verdict(JobState.SUCCESS, exitCode, Optional.of(resultJson), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A failure with Windmill's error object as the result. */
  public static Verdict failure(OptionalInt exitCode, String name, String message) {
    return new Verdict(JobState.FAILURE, exitCode, Optional.of(errorObject(name, message)),
        Optional.of(message), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A cancellation; {@code by} is a user, {@code timeout}, or the worker's shutdown. */
  public static Verdict canceled(String by, String reason, String message) {
    return new Verdict(JobState.CANCELED, OptionalInt.empty(),
        Optional.of(errorObject("Canceled", message)), Optional.of(message), Optional.of(by),
        Optional.of(reason), Optional.of(message));
  }

  /** A cancel someone requested through the job's flag; who and why are already stored. */
  public static Verdict canceledAsRequested(OptionalInt exitCode) {
    return new Verdict(JobState.CANCELED, exitCode,
        Optional.of(errorObject("Canceled", "job canceled")), Optional.of("job canceled"),
        Optional.empty(), Optional.empty(), Optional.of("job canceled"));
  }

  public Verdict withExitCode(OptionalInt code) {
    return new Verdict(state, code, resultJson, error, canceledBy, canceledReason, logNote);
  }

  public Verdict withResult(String json) {
    return new Verdict(state, exitCode, Optional.of(json), error, canceledBy, canceledReason,
        logNote);
  }

  public Verdict withLogNote(String note) {
    return new Verdict(state, exitCode, resultJson, error, canceledBy, canceledReason,
        Optional.of(note));
  }

  /** {@code {"error":{"name":…,"message":…}}}, as Windmill reports a failed job's result. */
  public static String errorObject(String name, String message) {
    ObjectNode root = Json.object();
    ObjectNode error = root.putObject("error");
    error.put("name", name);
    error.put("message", message);
    return Json.write(root);
  }
}
