package io.pushmill.server.runner;

import io.pushmill.runner.NotFoundException;
import io.pushmill.runner.Runner;
import io.pushmill.runner.model.Job;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How long a job may run: its script version's timeout, else the default. Versions never change,
 * so each is read once per process. Bound to the runner after it exists, since the runner's config
 * needs the token issuer that asks this.
 */
final class ScriptTimeouts implements Function<Job, Duration> {
  private static final int MAX_CACHED = 10_000;

  private final Duration defaultTimeout;
  private final Map<String, Duration> byHash = new ConcurrentHashMap<>();
  private volatile Runner runner;

  ScriptTimeouts(Duration defaultTimeout) {
    this.defaultTimeout = defaultTimeout;
  }

  void bind(Runner r) {
    this.runner = r;
  }

  @Override
  public Duration apply(Job job) {
    Duration known = byHash.get(job.scriptHash());
    if (known != null) {
      return known;
    }
    Duration timeout = lookUp(job);
    if (byHash.size() >= MAX_CACHED) {
      byHash.clear();
    }
    byHash.put(job.scriptHash(), timeout);
    return timeout;
  }

  private Duration lookUp(Job job) {
    Runner r = runner;
    if (r == null) {
      return defaultTimeout;
    }
    try {
      return r.scriptByHash(job.workspace(), job.scriptHash()).timeout().orElse(defaultTimeout);
    } catch (NotFoundException e) {
      return defaultTimeout;
    }
  }
}
