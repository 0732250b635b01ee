package io.pushmill.runner.exec.process;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One child process to run: its command (absolute program path first), working directory, the
 * complete environment it gets (nothing else is inherited), an optional timeout, how it gets a
 * session of its own, optional text for its stdin (otherwise stdin is closed at once), and an
 * optional instant before which it must not start.
 */
public record ProcessSpec(
    List<String> command,
    Path workDir,
    Map<String, String> environment,
    Optional<Duration> timeout,
    SessionMode session,
    Optional<String> stdin,
    Optional<Instant> startAt) {

  public ProcessSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("a process needs a command");
    }
    if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout.get());
    }
  }

  /** A process with no timeout, no session of its own and nothing on stdin. */
  public static ProcessSpec of(
      List<String> command, Path workDir, Map<String, String> environment) {
    return new ProcessSpec(
        command, workDir, environment, Optional.empty(), SessionMode.NONE, Optional.empty(),
        Optional.empty());
  }

  public ProcessSpec withTimeout(Duration value) {
    return new ProcessSpec(
        command, workDir, environment, Optional.of(value), session, stdin, startAt);
  }

  public ProcessSpec withSession(SessionMode value) {
    return new ProcessSpec(command, workDir, environment, timeout, value, stdin, startAt);
  }

  public ProcessSpec withStdin(String value) {
    return new ProcessSpec(
        command, workDir, environment, timeout, session, Optional.of(value), startAt);
  }

  /** Starts the process no earlier than {@code value} (wall clock), when given. */
  public ProcessSpec withStartAt(Optional<Instant> value) {
    return new ProcessSpec(command, workDir, environment, timeout, session, stdin, value);
  }
}
