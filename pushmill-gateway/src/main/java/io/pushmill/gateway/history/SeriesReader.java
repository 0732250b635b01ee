package io.pushmill.gateway.history;

import io.pushmill.gateway.history.SeriesHistory.InstantPoint;
import io.pushmill.gateway.history.SeriesHistory.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads one series' ring into a {@link SeriesHistory}: the raw samples, the removals, and the
 * instant view, in which a sample is fresh from its push until the next entry, or until it has been
 * stale for longer than the series' freshness window, whichever comes first.
 */
final class SeriesReader {
  private static final OptionalDouble GAP = OptionalDouble.empty();

  private final Track track;
  private final SeriesRing ring;
  private final long windowMs;

  private SeriesReader(Track track) {
    this.track = track;
    this.ring = track.ring();
    this.windowMs = track.ttlMs() > 0 ? track.ttlMs() : observedWindow(ring);
  }

  /** The series between {@code fromMs} and {@code toMs} (inclusive), as of {@code nowMs}. */
  static SeriesHistory read(Track track, boolean current, long nowMs, long fromMs, long toMs) {
    return new SeriesReader(track).history(current, nowMs, fromMs, toMs);
  }

  private SeriesHistory history(boolean current, long nowMs, long fromMs, long toMs) {
    List<Sample> samples = new ArrayList<>();
    List<Long> removals = new ArrayList<>();
    for (int i = 0; i < ring.size(); i++) {
      long t = ring.time(i);
      if (t < fromMs || t > toMs) {
        continue;
      }
      if (ring.removedAt(i)) {
        removals.add(t);
      } else {
        samples.add(new Sample(t, ring.value(i)));
      }
    }
    int last = ring.size() - 1;
    boolean fresh =
        current
            && last >= 0
            && !ring.removedAt(last)
            && (windowMs == 0 || nowMs <= ring.time(last) + windowMs);
    Optional<Duration> freshFor =
        windowMs == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(windowMs));
    SeriesKey key = track.key();
    return new SeriesHistory(
        key.name(),
        key.family(),
        key.labels(),
        current,
        fresh,
        freshFor,
        samples,
        clip(instant(nowMs), fromMs, toMs),
        removals);
  }

  // One point per sample, and a gap point where it goes stale before the next entry.
  private List<InstantPoint> instant(long nowMs) {
    List<InstantPoint> points = new ArrayList<>();
    boolean open = false;
    for (int i = 0; i < ring.size(); i++) {
      long t = ring.time(i);
      if (ring.removedAt(i)) {
        if (open) {
          points.add(new InstantPoint(t, GAP));
          open = false;
        }
        continue;
      }
      points.add(new InstantPoint(t, OptionalDouble.of(ring.value(i))));
      open = true;
      long next = i + 1 < ring.size() ? ring.time(i + 1) : nowMs;
      if (windowMs > 0 && t + windowMs < next) {
        points.add(new InstantPoint(t + windowMs, GAP));
        open = false;
      }
    }
    return points;
  }

  // Keeps the points in the stretch; a value still fresh when it starts is repeated at its start.
  private static List<InstantPoint> clip(List<InstantPoint> points, long fromMs, long toMs) {
    List<InstantPoint> out = new ArrayList<>();
    InstantPoint before = null;
    for (InstantPoint p : points) {
      if (p.timeMillis() < fromMs) {
        before = p;
      } else if (p.timeMillis() <= toMs) {
        if (out.isEmpty()
            && before != null
            && before.value().isPresent()
            && p.timeMillis() > fromMs) {
          out.add(new InstantPoint(fromMs, before.value()));
        }
        out.add(p);
      }
    }
    if (out.isEmpty() && before != null && before.value().isPresent()) {
      out.add(new InstantPoint(fromMs, before.value()));
    }
    return out;
  }

  /** One and a half times the median interval between consecutive pushes; 0 if none is known. */
  static long observedWindow(SeriesRing ring) {
    long[] gaps = new long[Math.max(0, ring.size() - 1)];
    int n = 0;
    for (int i = 1; i < ring.size(); i++) {
      if (!ring.removedAt(i) && !ring.removedAt(i - 1)) {
        gaps[n++] = ring.time(i) - ring.time(i - 1);
      }
    }
    if (n == 0) {
      return 0;
    }
    Arrays.sort(gaps, 0, n);
    long median = gaps[n / 2];
    return median + median / 2;
  }
}
