package io.pushmill.server.ui.view;

import io.pushmill.metrics.Labels;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** How the UI writes times, ages, durations, numbers and label sets. */
public final class Format {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Format() {}

  /** {@code 2026-11-25 10:00:05 UTC}. */
  public static String time(Instant t) {
    return TIME.format(t);
  }

  public static String time(Optional<Instant> t) {
    return t.map(Format::time).orElse("—");
  }

  /** The machine-readable form for {@code <time datetime>}. */
  public static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  /** {@code 5 s ago}, {@code 3 min ago}, {@code in 2 h}: the coarsest unit that fits. */
  public static String age(Instant t, Instant now) {
    Duration d = Duration.between(t, now);
    String span = span(d.abs());
    return d.isNegative() ? "in " + span : span + " ago";
  }

  private static String span(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min";
    }
    if (s < 86_400) {
      return s / 3600 + " h";
    }
    return s / 86_400 + " d";
  }

  /** {@code 850 ms}, {@code 3.2 s}, {@code 2 min 5 s}, {@code 1 h 4 min}. */
  public static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long s = millis / 1000;
    if (s < 3600) {
      return s / 60 + " min " + s % 60 + " s";
    }
    return s / 3600 + " h " + s % 3600 / 60 + " min";
  }

  /**
   * A sample value as a person reads it: without an exponent from 0.001 up to 10^15 (whole numbers
   * without a fraction, others with the shortest digits that read back the same value), else in
   * scientific notation; NaN and the infinities as Prometheus writes them.
   */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    double abs = Math.abs(v);
    if (v == Math.rint(v) && abs < 1e15) {
      return Long.toString((long) v);
    }
    if (abs >= 1e-3 && abs < 1e15) {
      return new BigDecimal(Double.toString(v)).toPlainString();
    }
    return Double.toString(v).replace("E", "e");
  }

  /** {@code 1 worker}, {@code 3 workers}. */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** {@code {instance="a", job="b"}}; {@code {}} for none. */
  public static String labels(Labels labels) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(labels.name(i)).append("=\"").append(labels.value(i)).append('"');
    }
    return sb.append('}').toString();
  }
}
