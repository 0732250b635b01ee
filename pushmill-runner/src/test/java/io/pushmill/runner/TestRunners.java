package io.pushmill.runner;

import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Runners for tests: an in-memory H2 database each, fixed worker environment, quick intervals. */
final class TestRunners {
  static final Map<String, String> WORKER_ENV =
      Map.of("PATH", "/usr/bin:/bin", "HOME", "/tmp", "LANG", "C.UTF-8");

  private TestRunners() {}

  static String h2MemoryUrl() {
    return "jdbc:h2:mem:runner-" + UUID.randomUUID() + ";LOCK_TIMEOUT=10000";
  }

  static RunnerConfig.Builder config(String databaseUrl) {
    return RunnerConfig.builder()
        .databaseUrl(databaseUrl)
        .workerSlots(2)
        .workerName("test-worker")
        .workerEnvironment(WORKER_ENV)
        .metricsCacheTtl(Duration.ZERO)
        .shutdownGrace(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(100))
        .logFlushInterval(Duration.ofMillis(100));
  }

  static Runner create(String databaseUrl, Map<Language, LanguageRuntime> runtimes, Clock clock,
      UnaryOperator<RunnerConfig.Builder> tweak) {
    return Runner.create(tweak.apply(config(databaseUrl)).build(), runtimes, clock);
  }
}
