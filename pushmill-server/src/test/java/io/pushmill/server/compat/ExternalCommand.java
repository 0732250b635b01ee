package io.pushmill.server.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a client program to its end with a time limit, capturing its output and exit code. */
final class ExternalCommand {
  /** How a program ended: its exit code and everything it printed (stdout and stderr). */
  record Result(int exitCode, String output) {
    Result requireSuccess(List<String> command) {
      if (exitCode != 0) {
        throw new AssertionError(command + " exited with " + exitCode + ":\n" + output);
      }
      return this;
    }
  }

  private ExternalCommand() {}

  static Result run(List<String> command, Path directory, Map<String, String> env, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      // the output is small: read it after the end, within the time limit
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not end within " + timeout);
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
