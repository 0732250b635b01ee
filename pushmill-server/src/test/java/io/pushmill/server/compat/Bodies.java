package io.pushmill.server.compat;

import io.prometheus.client.Metrics.Bucket;
import io.prometheus.client.Metrics.BucketSpan;
import io.prometheus.client.Metrics.Counter;
import io.prometheus.client.Metrics.Gauge;
import io.prometheus.client.Metrics.Histogram;
import io.prometheus.client.Metrics.LabelPair;
import io.prometheus.client.Metrics.Metric;
import io.prometheus.client.Metrics.MetricFamily;
import io.prometheus.client.Metrics.MetricType;
import io.prometheus.client.Metrics.Quantile;
import io.prometheus.client.Metrics.Summary;
import io.prometheus.client.Metrics.Untyped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.xerial.snappy.SnappyFramedOutputStream;

/** Request bodies and URL pieces the cases need: protobuf families, gzip, snappy, base64. */
final class Bodies {
  static final String PROTOBUF_TYPE =
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

  private Bodies() {}

  /** A protobuf push of {@code families}, length-delimited as clients send them. */
  static HttpCall protobuf(String method, String path, MetricFamily... families) {
    return HttpCall.of(method, path).withHeader("Content-Type", PROTOBUF_TYPE).withBody(delimited(families));
  }

  static byte[] delimited(MetricFamily... families) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (MetricFamily family : families) {
        family.writeDelimitedTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static MetricFamily family(String name, MetricType type, Metric... metrics) {
    return MetricFamily.newBuilder().setName(name).setType(type).addAllMetric(java.util.List.of(metrics)).build();
  }

  static Metric.Builder labelled(String... namesAndValues) {
    Metric.Builder metric = Metric.newBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      metric.addLabel(LabelPair.newBuilder().setName(namesAndValues[i]).setValue(namesAndValues[i + 1]));
    }
    return metric;
  }

  static Metric counter(double value, String... labels) {
    return labelled(labels).setCounter(Counter.newBuilder().setValue(value)).build();
  }

  static Metric gauge(double value, String... labels) {
    return labelled(labels).setGauge(Gauge.newBuilder().setValue(value)).build();
  }

  static Metric untyped(double value, String... labels) {
    return labelled(labels).setUntyped(Untyped.newBuilder().setValue(value)).build();
  }

  static Metric summary(long count, double sum, double[] quantiles, String... labels) {
    Summary.Builder summary = Summary.newBuilder().setSampleCount(count).setSampleSum(sum);
    for (int i = 0; i < quantiles.length; i += 2) {
      summary.addQuantile(Quantile.newBuilder().setQuantile(quantiles[i]).setValue(quantiles[i + 1]));
    }
    return labelled(labels).setSummary(summary).build();
  }

  /** A classic histogram; {@code bounds} and {@code cumulative} pair up. */
  static Metric histogram(long count, double sum, double[] bounds, long[] cumulative, String... labels) {
    Histogram.Builder h = Histogram.newBuilder().setSampleCount(count).setSampleSum(sum);
    for (int i = 0; i < bounds.length; i++) {
      h.addBucket(Bucket.newBuilder().setUpperBound(bounds[i]).setCumulativeCount(cumulative[i]));
    }
    return labelled(labels).setHistogram(h).build();
  }

  /** A classic histogram with float counts only (as HEAD's text parser makes them). */
  static Metric floatHistogram(double count, double sum, double[] bounds, double[] cumulative, String... labels) {
    Histogram.Builder h = Histogram.newBuilder().setSampleCountFloat(count).setSampleSum(sum);
    for (int i = 0; i < bounds.length; i++) {
      h.addBucket(Bucket.newBuilder().setUpperBound(bounds[i]).setCumulativeCountFloat(cumulative[i]));
    }
    return labelled(labels).setHistogram(h).build();
  }

  /** A native (sparse) integer histogram: schema 0, two positive and one negative bucket. */
  static Metric nativeHistogram(String... labels) {
    Histogram h =
        Histogram.newBuilder()
            .setSampleCount(7)
            .setSampleSum(12.5)
            .setSchema(0)
            .setZeroThreshold(0.001)
            .setZeroCount(1)
            .addPositiveSpan(BucketSpan.newBuilder().setOffset(0).setLength(2))
            .addPositiveDelta(2)
            .addPositiveDelta(1)
            .addNegativeSpan(BucketSpan.newBuilder().setOffset(1).setLength(1))
            .addNegativeDelta(1)
            .build();
    return labelled(labels).setHistogram(h).build();
  }

  static byte[] gzip(String text) {
    return gzip(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Snappy's framing format, which is what upstream HEAD reads for Content-Encoding: snappy. */
  static byte[] snappyFramed(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SnappyFramedOutputStream snappy = new SnappyFramedOutputStream(out)) {
      snappy.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** URL-safe base64 with padding, as Python's client writes grouping values. */
  static String b64(String value) {
    return Base64.getUrlEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
