package io.pushmill.gateway.history;

import io.pushmill.metrics.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The history of one series, as read.
 *
 * @param name the sample name ({@code x}, or {@code x_count}/{@code x_sum} of a summary or
 *     histogram {@code x})
 * @param family the pushed family's name
 * @param labels the series' labels, grouping labels included
 * @param current whether the series is in the store now
 * @param fresh whether it is current and its last sample still fresh
 * @param freshFor how long a sample stays fresh: the group's TTL, else one and a half times the
 *     median interval between pushes; empty when neither is known (then a sample stays fresh until
 *     the next one or until the series leaves the store)
 * @param samples every sample kept in the wanted stretch, oldest first: one per push
 * @param instant the tutorial's "instant" view: each sample's value while it is fresh, and a point
 *     without a value where it goes stale or the series left the store
 * @param removals when the series left the store (its group deleted, wiped or expired, or a push
 *     replaced it)
 */
public record SeriesHistory(
    String name,
    String family,
    Labels labels,
    boolean current,
    boolean fresh,
    Optional<Duration> freshFor,
    List<Sample> samples,
    List<InstantPoint> instant,
    List<Long> removals) {

  public SeriesHistory {
    samples = List.copyOf(samples);
    instant = List.copyOf(instant);
    removals = List.copyOf(removals);
  }

  /** A pushed value at the time of its push, in Unix milliseconds. */
  public record Sample(long timeMillis, double value) {}

  /** A point of the instant view: a value while fresh, none from where it went stale. */
  public record InstantPoint(long timeMillis, OptionalDouble value) {}
}
