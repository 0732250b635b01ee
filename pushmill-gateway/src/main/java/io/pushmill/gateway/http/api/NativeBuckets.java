package io.pushmill.gateway.http.api;

import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.text.GoFloat;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The buckets of a native histogram as upstream's API lists them: {@code [rule, "lower", "upper",
 * "count"]} with rule 0 = (l,u], 1 = [l,u), 3 = [l,u]; negative buckets first (from the most
 * negative), then the zero bucket when it has a count, then the positive ones; empty buckets
 * skipped.
 *
 * <p>Bounds are {@code 2^(i/2^schema)} correctly rounded. Upstream takes them from a table whose
 * entries are sometimes one unit in the last place lower, so a bound may differ in its last digit.
 */
public final class NativeBuckets {
  private static final double[][] BOUNDS = computeBounds();

  private NativeBuckets() {}

  /** True when the histogram has native buckets, which is when upstream renders it natively. */
  public static boolean isNative(MetricValue.Histogram h) {
    return h.nativeBuckets()
        .map(n -> !n.positiveSpans().isEmpty() || !n.negativeSpans().isEmpty())
        .orElse(false);
  }

  /** Whether upstream treats the histogram as a float histogram. */
  public static boolean isFloat(MetricValue.Histogram h) {
    return h.countFloat() > 0 || h.nativeBuckets().map(n -> n.zeroCountFloat() > 0).orElse(false);
  }

  public static List<List<Object>> buckets(MetricValue.Histogram h) {
    MetricValue.NativeBuckets n = h.nativeBuckets().orElseThrow();
    boolean isFloat = isFloat(h);
    List<List<Object>> out = new ArrayList<>();
    List<Bucket> negative =
        iterate(n.negativeSpans(), n.negativeDeltas(), n.negativeCounts(), isFloat);
    for (Bucket b : negative.reversed()) {
      out.add(row(1, -bound(b.index, n.schema()), -bound(b.index - 1, n.schema()), b, isFloat));
    }
    Bucket zero = new Bucket(0, isFloat ? n.zeroCountFloat() : n.zeroCount(), n.zeroCount());
    if (zero.count != 0) {
      out.add(row(3, -n.zeroThreshold(), n.zeroThreshold(), zero, isFloat));
    }
    for (Bucket b : iterate(n.positiveSpans(), n.positiveDeltas(), n.positiveCounts(), isFloat)) {
      out.add(row(0, bound(b.index - 1, n.schema()), bound(b.index, n.schema()), b, isFloat));
    }
    return out;
  }

  /** A bucket's index, its count as a double, and (integer histograms) the exact count. */
  private record Bucket(int index, double count, long intCount) {}

  private static List<Object> row(int rule, double lower, double upper, Bucket b, boolean isFloat) {
    String count = isFloat ? GoFloat.formatG(b.count) : Long.toUnsignedString(b.intCount);
    return List.of(rule, GoFloat.formatG(lower), GoFloat.formatG(upper), count);
  }

  /**
   * Walks the spans as Prometheus' bucket iterator does: the first span's offset is absolute, each
   * further span's offset is added after the previous span's last bucket; integer counts are
   * deltas, float counts absolute. Empty buckets are left out.
   */
  private static List<Bucket> iterate(
      List<MetricValue.BucketSpan> spans, List<Long> deltas, List<Double> counts, boolean isFloat) {
    List<Bucket> out = new ArrayList<>();
    int size = isFloat ? counts.size() : deltas.size();
    int index = 0;
    int bucket = 0;
    long current = 0;
    for (int s = 0; s < spans.size(); s++) {
      MetricValue.BucketSpan span = spans.get(s);
      index += span.offset();
      for (int k = 0; k < span.length() && bucket < size; k++, bucket++) {
        if (bucket > 0) {
          index++; // every bucket after the first is one step on, plus the offsets of new spans
        }
        double count;
        if (isFloat) {
          count = counts.get(bucket);
        } else {
          current += deltas.get(bucket);
          count = current;
        }
        if (count != 0) {
          out.add(new Bucket(index, count, current));
        }
      }
    }
    return out;
  }

  /** The upper bound of bucket {@code index} in {@code schema}, as Prometheus' getBound. */
  static double bound(int index, int schema) {
    if (schema < 0) {
      int exp = index << -schema;
      return exp == 1024 ? Double.MAX_VALUE : Math.scalb(1.0, exp);
    }
    if (schema > 8) {
      return Double.NaN;
    }
    int fracIdx = index & ((1 << schema) - 1);
    double frac = BOUNDS[schema][fracIdx];
    int exp = (index >> schema) + 1;
    if (frac == 0.5 && exp == 1025) {
      return Double.MAX_VALUE;
    }
    return Math.scalb(frac, exp);
  }

  private static double[][] computeBounds() {
    MathContext mc = new MathContext(40);
    double[][] bounds = new double[9][];
    for (int s = 0; s <= 8; s++) {
      BigDecimal[] roots = new BigDecimal[s + 1];
      roots[0] = BigDecimal.TWO;
      for (int j = 1; j <= s; j++) {
        roots[j] = roots[j - 1].sqrt(mc);
      }
      bounds[s] = new double[1 << s];
      for (int i = 0; i < (1 << s); i++) {
        BigDecimal v = BigDecimal.ONE;
        for (int j = 1; j <= s; j++) {
          if (((i >> (s - j)) & 1) == 1) {
            v = v.multiply(roots[j], mc);
          }
        }
        bounds[s][i] = v.divide(BigDecimal.TWO, mc).doubleValue();
      }
    }
    return bounds;
  }
}
