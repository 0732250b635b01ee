package io.pushmill.runner.metrics;

import java.util.List;

/**
 * The upper bounds of a histogram's buckets, in seconds. Observations are stored per bucket
 * (not cumulative), the last index standing for {@code +Inf}; the scrape makes them cumulative.
 */
public enum Buckets {
  /** Job durations: from a trivial bash job to an hour-long batch. */
  DURATION(List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
      120.0, 300.0, 600.0, 1800.0, 3600.0)),
  /** Start delays of scheduled jobs, fine below 20 ms where the precision goal is. */
  START_DELAY(List.of(0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
      10.0, 30.0, 60.0));

  /** The bucket index of an observation that has no value (a job canceled before it started). */
  public static final int NONE = -1;

  private final List<Double> bounds;

  Buckets(List<Double> bounds) {
    this.bounds = bounds;
  }

  public List<Double> bounds() {
    return bounds;
  }

  /** The index of the first bucket whose bound is at least {@code seconds}; {@code +Inf} last. */
  public int index(double seconds) {
    for (int i = 0; i < bounds.size(); i++) {
      if (seconds <= bounds.get(i)) {
        return i;
      }
    }
    return bounds.size();
  }
}
