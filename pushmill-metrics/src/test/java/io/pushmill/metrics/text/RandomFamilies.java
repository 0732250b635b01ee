package io.pushmill.metrics.text;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random families that the text format can carry exactly: no exemplars, created timestamps,
 * native buckets, units or gauge histograms; no {@code -0} (written as {@code 0}); histograms that
 * end with a {@code +Inf} bucket; integer counts below 2^53 and float histograms with at least one
 * fractional count (else the parser reads them back as integers); no NaN quantile or bucket bound
 * (the parser skips those lines); HELP that does not start with a blank and is not empty.
 */
final class RandomFamilies {
  private static final double[] SPECIAL = {
    0,
    1,
    -1,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE,
    2 * Double.MIN_VALUE,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    Double.MIN_NORMAL,
    0.1,
    1e-5,
    1e6,
    250000,
    1.7956077485340211e9,
    0x1p63,
    0x1p64,
    123456.7,
    1.5e-7
  };
  private static final String[] ODD_CHARS = {
    "\"", "\\", "\n", "\t", " ", "=", ",", "{", "}", "#", "é", "佖", "😀", "\r", "_", "."
  };
  private static final MetricType[] TYPES = {
    MetricType.COUNTER,
    MetricType.GAUGE,
    MetricType.UNTYPED,
    MetricType.SUMMARY,
    MetricType.HISTOGRAM
  };

  private final Random random;
  private final boolean utf8Names;

  RandomFamilies(long seed, boolean utf8Names) {
    this.random = new Random(seed);
    this.utf8Names = utf8Names;
  }

  List<MetricFamily> families(int count) {
    List<MetricFamily> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(family(i));
    }
    return out;
  }

  private MetricFamily family(int index) {
    String name = familyName(index);
    MetricType type = TYPES[random.nextInt(TYPES.length)];
    Optional<String> help =
        random.nextBoolean() ? Optional.empty() : Optional.of("h" + text(random.nextInt(12)));
    List<Metric> metrics = new ArrayList<>();
    Set<Labels> seen = new HashSet<>();
    int n = 1 + random.nextInt(4);
    while (metrics.size() < n) {
      Labels labels = labels();
      if (seen.add(labels)) {
        OptionalLong ts =
            random.nextInt(4) == 0 ? OptionalLong.of(random.nextLong()) : OptionalLong.empty();
        metrics.add(new Metric(labels, value(type), ts));
      }
    }
    return MetricFamily.of(name, help, type, metrics);
  }

  // Unique, and never a _sum/_count/_bucket name that an earlier family could claim.
  private String familyName(int index) {
    String base = utf8Names && random.nextBoolean() ? "f." + text(4) : "f" + letters(5);
    return base + "_" + index + "x";
  }

  private Labels labels() {
    int n = random.nextInt(4);
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    while (names.size() < n) {
      String name = utf8Names && random.nextBoolean() ? "l." + text(3) : "l" + letters(2);
      if (!names.contains(name)) {
        names.add(name);
        values.add(text(random.nextInt(6)));
      }
    }
    return Labels.of(names, values);
  }

  private MetricValue value(MetricType type) {
    return switch (type) {
      case COUNTER -> MetricValue.Counter.of(number());
      case GAUGE -> new MetricValue.Gauge(number());
      case UNTYPED -> new MetricValue.Untyped(number());
      case SUMMARY -> summary();
      case HISTOGRAM, GAUGE_HISTOGRAM -> random.nextBoolean() ? intHistogram() : floatHistogram();
    };
  }

  private MetricValue summary() {
    List<MetricValue.Quantile> qs = new ArrayList<>();
    double[] quantiles = sortedFinite(random.nextInt(4));
    for (double q : quantiles) {
      qs.add(new MetricValue.Quantile(q, number()));
    }
    return new MetricValue.Summary(count(), number(), qs, Optional.empty());
  }

  private MetricValue intHistogram() {
    double[] bounds = sortedFinite(random.nextInt(4));
    List<MetricValue.Bucket> buckets = new ArrayList<>();
    long c = 0;
    for (double b : bounds) {
      c += random.nextInt(1000);
      buckets.add(MetricValue.Bucket.of(b, c));
    }
    long total = c + random.nextInt(1000);
    buckets.add(MetricValue.Bucket.of(Double.POSITIVE_INFINITY, total));
    return MetricValue.Histogram.classic(total, number(), buckets);
  }

  private MetricValue floatHistogram() {
    double[] bounds = sortedFinite(random.nextInt(4));
    List<MetricValue.Bucket> buckets = new ArrayList<>();
    double c = 0.125; // plus quarters stays fractional, so the histogram stays float
    for (double b : bounds) {
      c += random.nextInt(1000) / 4.0;
      buckets.add(new MetricValue.Bucket(b, 0, c, Optional.empty()));
    }
    double total = c + random.nextInt(1000);
    buckets.add(new MetricValue.Bucket(Double.POSITIVE_INFINITY, 0, total, Optional.empty()));
    return new MetricValue.Histogram(
        0, total, number(), buckets, Optional.empty(), Optional.empty(), List.of());
  }

  private long count() {
    return random.nextLong() & ((1L << 53) - 1);
  }

  private double[] sortedFinite(int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      double v;
      do {
        v = number();
      } while (Double.isNaN(v) || Double.isInfinite(v) || contains(d, i, v));
      d[i] = v;
    }
    Arrays.sort(d);
    return d;
  }

  private static boolean contains(double[] d, int n, double v) {
    for (int i = 0; i < n; i++) {
      if (Double.compare(d[i], v) == 0) {
        return true;
      }
    }
    return false;
  }

  // Any double but -0: special values, random bit patterns, short decimals.
  private double number() {
    double v =
        switch (random.nextInt(3)) {
          case 0 -> SPECIAL[random.nextInt(SPECIAL.length)];
          case 1 -> Double.longBitsToDouble(random.nextLong());
          default -> random.nextInt(200_000) / 100.0 - 1000;
        };
    return v == 0 ? 0.0 : v;
  }

  private String letters(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('a' + random.nextInt(26)));
    }
    return sb.toString();
  }

  private String text(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (random.nextBoolean()) {
        sb.append(ODD_CHARS[random.nextInt(ODD_CHARS.length)]);
      } else {
        sb.append((char) ('a' + random.nextInt(26)));
      }
    }
    return sb.toString();
  }
}
