package io.pushmill.runner;

/**
 * A request that clashes with the current state: a schedule path already taken, a job that has
 * already finished, a script changed concurrently. HTTP 409 (Windmill answers 400 for some of these;
 * the API layer may choose).
 */
public final class ConflictException extends RunnerException {
  public ConflictException(String message) {
    super(message);
  }
}
