package io.pushmill.runner.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.exec.process.ProcessTable;
import io.pushmill.runner.exec.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shared pieces of the executor tests: a configuration under a temp dir, requests, a log. */
public final class ExecFixtures {
  /** The environment the tests' jobs get: what the core would build, and nothing else. */
  public static final Map<String, String> ENV =
      Map.of(
          "PATH", "/usr/local/bin:/usr/bin:/bin",
          "LANG", "C.UTF-8",
          "WM_JOB_PATH", "u/admin/random_number_metric_script",
          "WM_WORKSPACE", "demo");

  private ExecFixtures() {}

  public static RuntimeConfig config(Path tmp) {
    return RuntimeConfig.defaults()
        .withCacheDir(tmp.resolve("cache"))
        .withJobsDir(tmp.resolve("jobs"))
        .withGracePeriod(Duration.ofMillis(500));
  }

  public static ExecutionRequest request(Language language, String content, String argsJson) {
    return request(language, content, argsJson, Duration.ofSeconds(60));
  }

  public static ExecutionRequest request(
      Language language, String content, String argsJson, Duration timeout) {
    ObjectNode args = (ObjectNode) Json.parse(argsJson).orElseThrow();
    return new ExecutionRequest(
        UUID.randomUUID(), "u/admin/test", language, content, "hash", args, ENV, timeout);
  }

  /** The pids a job wrote, one a line, into {@code file}. */
  public static List<Long> pids(Path file) throws IOException {
    List<Long> pids = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        pids.add(Long.parseLong(line.strip()));
      }
    }
    return pids;
  }

  /** True when the process is gone or a zombie (it has exited; only reaping is left). */
  public static boolean ended(long pid) {
    return ProcessHandle.of(pid).map(h -> !ProcessTable.running(h)).orElse(true);
  }

  /**
   * The running processes whose environment has {@code KEY=value}: what a test's jobs left behind,
   * found by a marker variable only that test's jobs get.
   */
  public static List<Long> processesWith(String key, String value) {
    List<Long> found = new ArrayList<>();
    String[] names = Path.of("/proc").toFile().list();
    for (String name : names == null ? new String[0] : names) {
      if (name.chars().allMatch(Character::isDigit)) {
        try {
          String env = Files.readString(Path.of("/proc", name, "environ"));
          if (("\0" + env).contains("\0" + key + "=" + value + "\0")
              && !ended(Long.parseLong(name))) {
            found.add(Long.parseLong(name));
          }
        } catch (IOException | RuntimeException e) {
          // gone, or not ours to read
        }
      }
    }
    return found;
  }

  /** A log sink that keeps everything, for assertions. */
  public static final class RecordingSink implements LogSink {
    private final StringBuilder text = new StringBuilder();
    private final List<String> chunks = new ArrayList<>();

    @Override
    public synchronized void append(String chunk) {
      text.append(chunk);
      chunks.add(chunk);
    }

    public synchronized String text() {
      return text.toString();
    }

    public synchronized List<String> chunks() {
      return List.copyOf(chunks);
    }
  }
}
