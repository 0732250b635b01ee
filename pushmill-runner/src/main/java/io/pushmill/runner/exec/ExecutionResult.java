package io.pushmill.runner.exec;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a run ended. {@code resultJson} is the entry point's return value serialised as JSON (for a
 * failure, Windmill's error object {@code {"error":{"name":…,"message":…}}}); {@code error} is a
 * one-line reason for the job list.
 */
public record ExecutionResult(
    Outcome outcome, OptionalInt exitCode, Optional<String> resultJson, Optional<String> error) {

  /** The ways a run can end. */
  public enum Outcome {
    SUCCESS,
    FAILURE,
    TIMEOUT,
    CANCELED
  }
}
