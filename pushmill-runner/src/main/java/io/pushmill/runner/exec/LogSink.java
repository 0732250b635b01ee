package io.pushmill.runner.exec;

/**
 * Receives a job's output as it is produced: stdout and stderr merged in the order they were
 * written. Called from the executor's reader thread; implementations buffer and flush.
 */
@FunctionalInterface
public interface LogSink {
  void append(String text);
}
