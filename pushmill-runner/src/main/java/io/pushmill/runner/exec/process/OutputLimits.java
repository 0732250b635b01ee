package io.pushmill.runner.exec.process;

/**
 * Bounds on what the launcher keeps and forwards of a child's output: at most {@code maxLogChars}
 * characters go to the job's log (the rest is read and dropped, with one notice), and the last line
 * is remembered up to {@code maxLastLineChars} characters.
 */
public record OutputLimits(long maxLogChars, int maxLastLineChars) {

  public static final OutputLimits DEFAULT = new OutputLimits(16L * 1024 * 1024, 64 * 1024);

  public OutputLimits {
    if (maxLogChars < 0 || maxLastLineChars < 0) {
      throw new IllegalArgumentException(
          "output limits must not be negative: " + maxLogChars + ", " + maxLastLineChars);
    }
  }
}
