package io.pushmill.gateway.history;

import java.time.Duration;

/**
 * Bounds of the push history.
 *
 * @param maxSamplesPerSeries samples kept per series ({@code --history.max-samples-per-series}); 0
 *     switches the history off
 * @param retention how long a sample is kept ({@code --history.retention})
 * @param maxBytes the estimated memory of the whole history ({@code --history.max-bytes}); when it
 *     is reached, every series keeps fewer samples, and removed series go first
 */
public record HistoryOptions(int maxSamplesPerSeries, Duration retention, long maxBytes) {
  /** The default samples per series: about 5.7 hours of pushes every 5 seconds. */
  public static final int DEFAULT_MAX_SAMPLES = 4096;

  /** The default retention: a day. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  /** The default memory bound: 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  public HistoryOptions {
    if (maxSamplesPerSeries < 0) {
      throw new IllegalArgumentException(
          "samples per series must not be negative: " + maxSamplesPerSeries);
    }
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("the history's retention must be positive: " + retention);
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("the history's byte bound must be positive: " + maxBytes);
    }
  }

  /** 4096 samples or 24 hours per series, whichever is less, and at most 64 MiB in all. */
  public static HistoryOptions defaults() {
    return new HistoryOptions(DEFAULT_MAX_SAMPLES, DEFAULT_RETENTION, DEFAULT_MAX_BYTES);
  }

  /** No history at all. */
  public static HistoryOptions off() {
    return new HistoryOptions(0, DEFAULT_RETENTION, DEFAULT_MAX_BYTES);
  }

  public boolean enabled() {
    return maxSamplesPerSeries > 0;
  }
}
