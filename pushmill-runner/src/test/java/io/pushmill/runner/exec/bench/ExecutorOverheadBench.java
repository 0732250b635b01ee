package io.pushmill.runner.exec.bench;

import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.ExecutionRequest;
import io.pushmill.runner.exec.ExecutionResult;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LanguageRuntimes;
import io.pushmill.runner.exec.RuntimeConfig;
import io.pushmill.runner.exec.process.JobDirectory;
import io.pushmill.runner.exec.process.OutputLimits;
import io.pushmill.runner.exec.process.ProcessLauncher;
import io.pushmill.runner.exec.process.ProcessSpec;
import io.pushmill.runner.exec.process.SessionMode;
import io.pushmill.runner.exec.support.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Per-job overhead of the executors (performance.md J2, executor side): the whole-job time through
 * a runtime minus the raw spawn time of the same command ({@code bash -c true}, {@code python3 -c
 * pass}) through a bare {@link ProcessBuilder} with drained pipes, measured interleaved in the same
 * run. Not a test: run it with {@code bench/runner/executor-overhead.sh}.
 *
 * <p>Arguments: number of timed runs per case (default 300).
 */
public final class ExecutorOverheadBench {
  private static final Map<String, String> ENV =
      Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8", "WM_JOB_PATH", "u/admin/bench");

  private ExecutorOverheadBench() {}

  /** One measured thing. */
  private interface Case {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Path tmp = Files.createTempDirectory("pushmill-bench");
    RuntimeConfig config =
        RuntimeConfig.defaults()
            .withCacheDir(tmp.resolve("cache"))
            .withJobsDir(tmp.resolve("jobs"));
    LanguageRuntimes runtimes = LanguageRuntimes.create(config);
    String python = config.pythonInterpreter().toString();
    String bash = config.bash().toString();
    ProcessLauncher launcher =
        new ProcessLauncher(config.setsid(), config.gracePeriod(), OutputLimits.DEFAULT);

    List<String> names =
        List.of(
            "raw bash -c true",
            "launcher bash -c true (no session)",
            "launcher setsid bash -c true",
            "BashRuntime 'true'",
            "raw python3 -c pass",
            "PythonRuntime def main(): pass");
    List<Case> cases =
        List.of(
            () -> raw(bash, "-c", "true"),
            () -> launch(launcher, tmp, SessionMode.NONE, bash, "-c", "true"),
            () -> launch(launcher, tmp, SessionMode.SETSID_EXEC, bash, "-c", "true"),
            () -> job(runtimes.runtime(Language.BASH), Language.BASH, "true"),
            () -> raw(python, "-c", "pass"),
            () ->
                job(
                    runtimes.runtime(Language.PYTHON3),
                    Language.PYTHON3,
                    "def main(x: int = 0):\n    return x\n"));
    long[][] times = new long[cases.size()][n];
    for (int i = 0; i < 30; i++) {
      for (Case c : cases) {
        c.run();
      }
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < cases.size(); k++) {
        long start = System.nanoTime();
        cases.get(k).run();
        times[k][i] = System.nanoTime() - start;
      }
    }
    report(names, times);
    JobDirectory.deleteTree(tmp);
  }

  private static void raw(String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(ENV);
    Process process = builder.start();
    try (InputStream in = process.getInputStream()) {
      in.readAllBytes();
    }
    process.waitFor();
  }

  private static void launch(
      ProcessLauncher launcher, Path dir, SessionMode session, String... command) throws Exception {
    launcher.run(
        ProcessSpec.of(List.of(command), dir, ENV).withSession(session),
        t -> {},
        Cancellation.never());
  }

  private static void job(LanguageRuntime runtime, Language language, String script) {
    ExecutionRequest request =
        new ExecutionRequest(
            UUID.randomUUID(),
            "u/admin/bench",
            language,
            script,
            "bench",
            Json.object().put("x", 1),
            ENV,
            Duration.ofMinutes(1));
    ExecutionResult result = runtime.execute(request, t -> {}, Cancellation.never());
    if (result.outcome() != ExecutionResult.Outcome.SUCCESS) {
      throw new IllegalStateException("bench job failed: " + result);
    }
  }

  private static void report(List<String> names, long[][] times) {
    double[] medians = new double[times.length];
    for (int k = 0; k < times.length; k++) {
      long[] sorted = times[k].clone();
      Arrays.sort(sorted);
      medians[k] = sorted[sorted.length / 2] / 1e6;
      double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
      System.out.printf(
          "%-36s median %7.3f ms  mean %7.3f ms  p90 %7.3f ms%n",
          names.get(k), medians[k], mean, sorted[(int) (sorted.length * 0.9)] / 1e6);
    }
    System.out.printf(
        "%nbash overhead (BashRuntime - raw):     median %+.3f ms%n", medians[3] - medians[0]);
    System.out.printf(
        "setsid cost (launcher setsid - none):  median %+.3f ms%n", medians[2] - medians[1]);
    System.out.printf(
        "python overhead (PythonRuntime - raw): median %+.3f ms%n", medians[5] - medians[4]);
  }
}
