package io.pushmill.runner.exec.process;

/**
 * How a child gets a session (and process group) of its own, so that ending the job can signal
 * every process it started, including orphans that were re-parented away from it.
 */
public enum SessionMode {
  /** The launcher prefixes the command with {@code setsid}: one extra exec, about 0.5 ms. */
  SETSID_EXEC,
  /**
   * The child calls {@code setsid()} itself before it runs any user code (the Python wrapper does):
   * free, and until it has done so the child has no children to lose.
   */
  CHILD_CALLS_SETSID,
  /** No session of its own: only the child and its live descendants are ended. */
  NONE
}
