package io.pushmill.runner.exec.process;

/**
 * How a child process ended: on its own, or ended by the launcher at its timeout or on
 * cancellation; its exit code (128 + signal when a signal ended it, -1 when it never started); and the last line of its
 * merged output, trimmed, as {@code tail -1} would print it.
 */
public record ProcessOutcome(Ending ending, int exitCode, String lastLine) {

  /** Why the process is no longer running. */
  public enum Ending {
    EXITED,
    TIMED_OUT,
    CANCELED
  }

  /** A process canceled before it started: it has no exit code ({@code -1}). */
  public static ProcessOutcome notStarted() {
    return new ProcessOutcome(Ending.CANCELED, -1, "");
  }

  public boolean succeeded() {
    return ending == Ending.EXITED && exitCode == 0;
  }
}
