package io.pushmill.runner.metrics;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.store.JobRepository;
import io.pushmill.runner.store.StatsRepository.Stat;
import io.pushmill.runner.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The automatic job metrics, read from the database so that every process reports the same values:
 * run counts and duration histograms come from the run statistics that each job's completion adds
 * to in its own commit; last-run and last-success times, next runs, skipped slots, queue depth and
 * live workers come from the tables. A scrape reuses the last result for a short TTL.
 */
public final class JobMetrics {
  private final Store store;
  private final Clock clock;
  private final Duration ttl;
  private final Duration workerAliveWindow;
  private List<MetricFamily> cached = List.of();
  private Instant cachedAt = Instant.MIN;

  public JobMetrics(Store store, Clock clock, Duration ttl, Duration workerAliveWindow) {
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
    this.workerAliveWindow = workerAliveWindow;
  }

  /** The families, sorted by name; at most {@code ttl} old. */
  public synchronized List<MetricFamily> collect() {
    Instant now = clock.instant();
    if (cachedAt.plus(ttl).isAfter(now)) {
      return cached;
    }
    Snapshot s = store.read(tx -> new Snapshot(tx.stats().all(), tx.schedules().all(),
        tx.jobs().queuedOccurrences(), tx.jobs().activeCounts(now),
        tx.workers().countAlive(now.minus(workerAliveWindow))));
    cached = families(s);
    cachedAt = now;
    return cached;
  }

  private record Snapshot(
      List<Stat> stats,
      List<Schedule> schedules,
      List<JobRepository.Occurrence> occurrences,
      Map<String, Long> queue,
      long workers) {}

  private static List<MetricFamily> families(Snapshot s) {
    RunStats runs = new RunStats(s.stats());
    List<MetricFamily> families = new ArrayList<>();
    families.add(family("pushmill_job_duration_seconds", MetricType.HISTOGRAM,
        "Duration of finished jobs from start to end, by script path and final status.",
        runs.durations()));
    families.add(family("pushmill_job_last_run_timestamp_seconds", MetricType.GAUGE,
        "Unix time when a job of this script last finished with this status.",
        runs.lastRuns()));
    families.add(family("pushmill_job_last_success_timestamp_seconds", MetricType.GAUGE,
        "Unix time when a job of this script last succeeded; alert on its age for a dead-man"
            + " switch.", runs.lastSuccesses()));
    families.add(family("pushmill_job_runs_total", MetricType.COUNTER,
        "Finished jobs by script path, schedule (empty for manual runs) and final status.",
        runs.counts()));
    families.add(family("pushmill_queue_jobs", MetricType.GAUGE,
        "Jobs waiting or running: queued (due now), scheduled (due later), running.",
        queue(s.queue())));
    families.add(family("pushmill_schedule_next_run_timestamp_seconds", MetricType.GAUGE,
        "Unix time of the queued occurrence of each enabled schedule.",
        nextRuns(s.occurrences())));
    families.add(family("pushmill_schedule_skipped_occurrences_total", MetricType.COUNTER,
        "Slots a schedule skipped because its previous run was still going on (or the runner"
            + " was down).", skipped(s.schedules())));
    families.add(family("pushmill_schedule_start_delay_seconds", MetricType.HISTOGRAM,
        "Delay from a scheduled job's slot to its start, by schedule.", runs.startDelays()));
    families.add(family("pushmill_workers", MetricType.GAUGE,
        "Worker processes whose heartbeat is recent.",
        List.of(Metric.of(Labels.EMPTY, new MetricValue.Gauge(s.workers())))));
    // Like the Pushgateway, a family without samples is not shown.
    return families.stream().filter(f -> !f.metrics().isEmpty()).toList();
  }

  private static MetricFamily family(String name, MetricType type, String help,
      List<Metric> metrics) {
    return MetricFamily.of(name, Optional.of(help), type, metrics);
  }

  private static List<Metric> queue(Map<String, Long> counts) {
    return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> Metric.of(Labels.of("state", e.getKey()), new MetricValue.Gauge(e.getValue())))
        .toList();
  }

  private static List<Metric> nextRuns(List<JobRepository.Occurrence> occurrences) {
    return occurrences.stream()
        .sorted((a, b) -> a.schedule().compareTo(b.schedule()))
        .map(o -> Metric.of(Labels.of("schedule", o.schedule().value()),
            new MetricValue.Gauge(RunStats.seconds(o.at()))))
        .toList();
  }

  private static List<Metric> skipped(List<Schedule> schedules) {
    return schedules.stream()
        .sorted((a, b) -> a.path().compareTo(b.path()))
        .map(s -> Metric.of(Labels.of("schedule", s.path().value()),
            MetricValue.Counter.of(s.skippedCount())))
        .toList();
  }
}
