package io.pushmill.runner.exec.support;

import io.pushmill.runner.exec.LogSink;

/**
 * A {@link LogSink} that keeps what it receives, up to a bound (the rest is dropped), and
 * optionally passes everything on to another sink: for the runtimes' helper processes (analysers,
 * venv creation, pip), whose output is parsed or quoted in an error.
 */
public final class CollectingSink implements LogSink {
  private final StringBuilder text = new StringBuilder();
  private final int maxChars;
  private final LogSink next;

  public CollectingSink(int maxChars, LogSink next) {
    this.maxChars = maxChars;
    this.next = next;
  }

  public CollectingSink(int maxChars) {
    this(maxChars, t -> {});
  }

  @Override
  public synchronized void append(String chunk) {
    int room = maxChars - text.length();
    if (room > 0) {
      text.append(chunk, 0, Math.min(room, chunk.length()));
    }
    next.append(chunk);
  }

  public synchronized String text() {
    return text.toString();
  }
}
