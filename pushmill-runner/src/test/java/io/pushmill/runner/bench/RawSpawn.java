package io.pushmill.runner.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The reference for spawn costs: a bare {@link ProcessBuilder} with a cleared environment, stdout
 * and stderr merged into one pipe, drained to EOF, then {@code waitFor}, as in performance.md's
 * SpawnBench.
 */
final class RawSpawn {
  private static final Map<String, String> ENV =
      Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8", "WM_JOB_PATH", "u/admin/bench");

  private RawSpawn() {}

  /** Runs the command to its end; answers its output. */
  static String run(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(ENV);
    try {
      Process process = builder.start();
      byte[] out;
      try (InputStream in = process.getInputStream()) {
        out = in.readAllBytes();
      }
      int code = process.waitFor();
      if (code != 0) {
        throw new IllegalStateException(command + " exited with " + code);
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The wall time of {@code n} runs, in nanoseconds each. */
  static long[] time(List<String> command, int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      run(command);
      t[i] = System.nanoTime() - start;
    }
    return t;
  }
}
