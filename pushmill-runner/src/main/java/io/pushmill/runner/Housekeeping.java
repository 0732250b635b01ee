package io.pushmill.runner;

import io.pushmill.runner.job.Retention;
import io.pushmill.runner.schedule.ScheduleService;
import io.pushmill.runner.worker.Reaper;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic duties every process shares, each safe to run in several processes at once: the
 * reaper, the schedule reconciler and retention.
 */
final class Housekeeping {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  private final RunnerConfig config;
  private final Reaper reaper;
  private final ScheduleService schedules;
  private final Retention retention;
  private ScheduledExecutorService executor;

  Housekeeping(RunnerConfig config, Reaper reaper, ScheduleService schedules,
      Retention retention) {
    this.config = config;
    this.reaper = reaper;
    this.schedules = schedules;
    this.retention = retention;
  }

  void start() {
    executor = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("pushmill-housekeeping").daemon().factory());
    long reap = Math.clamp(config.zombieTimeout().toMillis() / 4, 1_000, 15_000);
    every(reap, "reaper", reaper::reapStale);
    every(config.reconcileInterval().toMillis(), "reconciler", schedules::reconcile);
    every(config.retentionInterval().toMillis(), "retention", retention::run);
  }

  private void every(long millis, String what, IntSupplier duty) {
    executor.scheduleWithFixedDelay(() -> {
      try {
        int n = duty.getAsInt();
        if (n > 0) {
          LOG.debug("{}: {} done", what, n);
        }
      } catch (RuntimeException e) {
        LOG.warn("{} failed; it runs again in {} ms", what, millis, e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  void stop() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
