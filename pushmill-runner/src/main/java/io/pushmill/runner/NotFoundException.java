package io.pushmill.runner;

/** A workspace, script, schedule or job that does not exist: HTTP 404. */
public final class NotFoundException extends RunnerException {
  public NotFoundException(String message) {
    super(message);
  }
}
