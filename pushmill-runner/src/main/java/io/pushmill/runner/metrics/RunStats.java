package io.pushmill.runner.metrics;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricValue;
import io.pushmill.runner.store.StatsRepository.Stat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Folds the rows of run statistics (one per series and bucket) into metrics: counts, histograms
 * with cumulative buckets, and latest times. Workspaces are summed: labels carry paths only.
 */
final class RunStats {
  private final List<Stat> runs;
  private final List<Stat> delays;

  RunStats(List<Stat> stats) {
    this.runs = stats.stream().filter(s -> s.kind().equals("run")).toList();
    this.delays = stats.stream().filter(s -> s.kind().equals("delay")).toList();
  }

  static double seconds(Instant t) {
    return t.getEpochSecond() + t.getNano() / 1e9;
  }

  /** {@code pushmill_job_runs_total{path,schedule,status}}. */
  List<Metric> counts() {
    Map<Labels, Long> counts = new TreeMap<>();
    for (Stat s : runs) {
      counts.merge(Labels.of("path", s.scriptPath(), "schedule", s.schedulePath(),
          "status", s.status()), s.samples(), Long::sum);
    }
    return counts.entrySet().stream()
        .map(e -> Metric.of(e.getKey(), MetricValue.Counter.of(e.getValue())))
        .toList();
  }

  /** {@code pushmill_job_last_run_timestamp_seconds{path,status}}. */
  List<Metric> lastRuns() {
    return latest(runs, s -> Labels.of("path", s.scriptPath(), "status", s.status()));
  }

  /** {@code pushmill_job_last_success_timestamp_seconds{path}}. */
  List<Metric> lastSuccesses() {
    return latest(runs.stream().filter(s -> s.status().equals("success")).toList(),
        s -> Labels.of("path", s.scriptPath()));
  }

  /** {@code pushmill_job_duration_seconds{path,status}}; jobs that never started are left out. */
  List<Metric> durations() {
    return histograms(runs, Buckets.DURATION,
        s -> Labels.of("path", s.scriptPath(), "status", s.status()));
  }

  /** {@code pushmill_schedule_start_delay_seconds{schedule}}. */
  List<Metric> startDelays() {
    return histograms(delays, Buckets.START_DELAY, s -> Labels.of("schedule", s.schedulePath()));
  }

  private static List<Metric> latest(List<Stat> stats, Function<Stat, Labels> key) {
    Map<Labels, Instant> latest = new TreeMap<>();
    for (Stat s : stats) {
      latest.merge(key.apply(s), s.lastAt(), (a, b) -> a.isAfter(b) ? a : b);
    }
    return latest.entrySet().stream()
        .map(e -> Metric.of(e.getKey(), new MetricValue.Gauge(seconds(e.getValue()))))
        .toList();
  }

  private static List<Metric> histograms(List<Stat> stats, Buckets buckets,
      Function<Stat, Labels> key) {
    int n = buckets.bounds().size() + 1;
    Map<Labels, long[]> counts = new TreeMap<>();
    Map<Labels, Double> sums = new TreeMap<>();
    for (Stat s : stats) {
      if (s.bucket() < 0 || s.bucket() >= n) {
        continue;
      }
      counts.computeIfAbsent(key.apply(s), k -> new long[n])[s.bucket()] += s.samples();
      sums.merge(key.apply(s), s.sumSeconds(), Double::sum);
    }
    List<Metric> metrics = new ArrayList<>();
    counts.forEach((labels, perBucket) -> {
      List<MetricValue.Bucket> cumulative = new ArrayList<>();
      long running = 0;
      for (int i = 0; i < n - 1; i++) {
        running += perBucket[i];
        cumulative.add(MetricValue.Bucket.of(buckets.bounds().get(i), running));
      }
      long total = running + perBucket[n - 1];
      metrics.add(Metric.of(labels,
          MetricValue.Histogram.classic(total, sums.get(labels), cumulative)));
    });
    return metrics;
  }
}
