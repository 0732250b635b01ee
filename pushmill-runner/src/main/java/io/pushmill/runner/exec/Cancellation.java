package io.pushmill.runner.exec;

/**
 * Lets the caller stop a running job: the executor polls {@link #requested()} while the job runs
 * and ends the whole process tree when it turns true.
 */
@FunctionalInterface
public interface Cancellation {
  boolean requested();

  /** A job nobody will cancel. */
  static Cancellation never() {
    return () -> false;
  }
}
