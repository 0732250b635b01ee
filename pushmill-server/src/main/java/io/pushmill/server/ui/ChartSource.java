package io.pushmill.server.ui;

import io.pushmill.metrics.Labels;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The pushed series over time, as the charts draw them: the "raw" view (one sample per push) and
 * the tutorial's "instant" view (the value while it is fresh, no value once it has gone stale).
 */
public interface ChartSource {
  /** One point: a time in Unix milliseconds and a value, or none (a gap). */
  record Point(long timeMillis, OptionalDouble value) {}

  /**
   * One series.
   *
   * @param name the sample name ({@code x}, or {@code x_count}/{@code x_sum} of a histogram)
   * @param labels its labels, grouping labels included
   * @param fresh whether its last sample is still fresh
   * @param samples the pushed values, oldest first
   * @param instant the instant view, oldest first
   */
  record Series(String name, Labels labels, boolean fresh, List<Point> samples,
      List<Point> instant) {
    public Series {
      samples = List.copyOf(samples);
      instant = List.copyOf(instant);
    }
  }

  /** False when only each series' current value is known (no push history in this process). */
  boolean keepsHistory();

  /**
   * The series of this family or sample name whose labels include all of {@code labels}, with
   * their points from {@code since} on, sorted by name, then labels.
   */
  List<Series> series(String name, Labels labels, Instant since);
}
