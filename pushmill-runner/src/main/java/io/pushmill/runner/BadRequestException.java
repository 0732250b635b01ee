package io.pushmill.runner;

/** Input the runner refuses (bad path, cron, timezone, args, script syntax): HTTP 400. */
public final class BadRequestException extends RunnerException {
  public BadRequestException(String message) {
    super(message);
  }
}
