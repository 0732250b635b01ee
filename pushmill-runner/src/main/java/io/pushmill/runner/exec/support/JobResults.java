package io.pushmill.runner.exec.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.exec.ExecutionResult;
import io.pushmill.runner.exec.ExecutionResult.Outcome;
import io.pushmill.runner.exec.process.JobDirectory;
import io.pushmill.runner.exec.process.ProcessOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns a finished child process into an {@link ExecutionResult}: Windmill's error object {@code
 * {"error":{"name":…,"message":…}}} for every failure, and a one-line error for the job list.
 */
public final class JobResults {
  /** The file a job writes its return value to, as Windmill names it. */
  public static final String RESULT_FILE = "result.json";

  private static final int MAX_LINE_IN_ERROR = 300;

  private JobResults() {}

  /**
   * The result of a job run through one of our wrappers (Python, Java): the wrapper writes the
   * return value, or the error object, to {@code result.json}.
   */
  public static ExecutionResult fromWrapper(
      ProcessOutcome outcome, JobDirectory dir, Duration timeout) throws IOException {
    if (outcome.ending() != ProcessOutcome.Ending.EXITED) {
      return stopped(outcome, timeout);
    }
    Optional<String> written = dir.read(RESULT_FILE);
    if (outcome.exitCode() == 0) {
      return written.map(text -> success(text, outcome)).orElse(success("null", 0));
    }
    Optional<JsonNode> error =
        written.flatMap(Json::parse).map(node -> node.path("error")).filter(JsonNode::isObject);
    if (error.isPresent()) {
      String oneLine =
          error.get().path("name").asText("Error")
              + ": "
              + firstLine(error.get().path("message").asText(""));
      return new ExecutionResult(
          Outcome.FAILURE,
          OptionalInt.of(outcome.exitCode()),
          Optional.of(written.get().strip()),
          Optional.of(oneLine));
    }
    return exitFailure(outcome);
  }

  /** A successful run whose result text must be valid JSON; a failure naming why when it is not. */
  public static ExecutionResult success(String resultText, ProcessOutcome outcome) {
    Optional<JsonNode> parsed = Json.parse(resultText);
    if (parsed.isEmpty()) {
      return failure(
          "InvalidResult",
          RESULT_FILE + " is not valid JSON: " + firstLine(Json.problem(resultText)),
          OptionalInt.of(outcome.exitCode()));
    }
    return success(Json.write(parsed.get()), outcome.exitCode());
  }

  public static ExecutionResult success(String resultJson, int exitCode) {
    return new ExecutionResult(
        Outcome.SUCCESS, OptionalInt.of(exitCode), Optional.of(resultJson), Optional.empty());
  }

  /** A non-zero exit without an error object of the job's own. */
  public static ExecutionResult exitFailure(ProcessOutcome outcome) {
    String message =
        "exit code "
            + outcome.exitCode()
            + (outcome.lastLine().isEmpty() ? "" : ": " + firstLine(outcome.lastLine()));
    return failure("ExecutionErr", message, OptionalInt.of(outcome.exitCode()));
  }

  /** The run was ended by its timeout or by cancellation. */
  public static ExecutionResult stopped(ProcessOutcome outcome, Duration timeout) {
    boolean timedOut = outcome.ending() == ProcessOutcome.Ending.TIMED_OUT;
    String message = timedOut ? "timeout after " + format(timeout) : "canceled";
    return result(
        timedOut ? Outcome.TIMEOUT : Outcome.CANCELED,
        timedOut ? "Timeout" : "Canceled",
        message,
        outcome.exitCode() < 0 ? OptionalInt.empty() : OptionalInt.of(outcome.exitCode()));
  }

  /** Canceled before the job's own process started (while its environment was prepared). */
  public static ExecutionResult canceled() {
    return result(Outcome.CANCELED, "Canceled", "canceled", OptionalInt.empty());
  }

  /** A failure with Windmill's error object. */
  public static ExecutionResult failure(String name, String message, OptionalInt exitCode) {
    return result(Outcome.FAILURE, name, message, exitCode);
  }

  private static ExecutionResult result(
      Outcome outcome, String name, String message, OptionalInt exitCode) {
    ObjectNode error = Json.object();
    error.putObject("error").put("name", name).put("message", message);
    return new ExecutionResult(
        outcome, exitCode, Optional.of(Json.write(error)), Optional.of(firstLine(message)));
  }

  /** {@code 10s}, {@code 1500ms}, {@code 2m}: how a timeout reads in an error. */
  public static String format(Duration duration) {
    if (duration.toMillisPart() != 0 || duration.isZero()) {
      return duration.toMillis() + "ms";
    }
    long seconds = duration.toSeconds();
    return seconds % 60 == 0 && seconds >= 60 ? seconds / 60 + "m" : seconds + "s";
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() <= MAX_LINE_IN_ERROR ? line : line.substring(0, MAX_LINE_IN_ERROR) + "…";
  }
}
