package io.pushmill.metrics.proto;

import io.prometheus.client.Metrics;
import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.MetricValue.Bucket;
import io.pushmill.metrics.MetricValue.BucketSpan;
import io.pushmill.metrics.MetricValue.Exemplar;
import io.pushmill.metrics.MetricValue.NativeBuckets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts histograms, classic and native, between {@code metrics.proto} and the model.
 *
 * <p>The model keeps values, not proto2 has-bits, so writing follows client_golang's shape: every
 * scalar is set, except that a float count ({@code sample_count_float}, {@code
 * cumulative_count_float}, {@code zero_count_float}) is written only when it is not zero, and the
 * integer count it overrides is left out when it is zero and the float count is set.
 */
final class ProtoHistograms {
  private ProtoHistograms() {}

  static MetricValue.Histogram fromProto(Metrics.Histogram h) throws ProtobufParseException {
    List<Bucket> buckets = new ArrayList<>(h.getBucketCount());
    for (Metrics.Bucket b : h.getBucketList()) {
      Optional<Exemplar> exemplar =
          b.hasExemplar() ? Optional.of(ProtoToModel.exemplar(b.getExemplar())) : Optional.empty();
      buckets.add(
          new Bucket(
              b.getUpperBound(), b.getCumulativeCount(), b.getCumulativeCountFloat(), exemplar));
    }
    List<Exemplar> exemplars = new ArrayList<>(h.getExemplarsCount());
    for (Metrics.Exemplar e : h.getExemplarsList()) {
      exemplars.add(ProtoToModel.exemplar(e));
    }
    return new MetricValue.Histogram(
        h.getSampleCount(),
        h.getSampleCountFloat(),
        h.getSampleSum(),
        buckets,
        hasNativePart(h) ? Optional.of(nativeBuckets(h)) : Optional.empty(),
        ProtoToModel.optionalInstant(h.hasCreatedTimestamp(), h.getCreatedTimestamp()),
        exemplars);
  }

  private static boolean hasNativePart(Metrics.Histogram h) {
    return h.hasSchema()
        || h.hasZeroThreshold()
        || h.hasZeroCount()
        || h.hasZeroCountFloat()
        || h.getNegativeSpanCount() > 0
        || h.getNegativeDeltaCount() > 0
        || h.getNegativeCountCount() > 0
        || h.getPositiveSpanCount() > 0
        || h.getPositiveDeltaCount() > 0
        || h.getPositiveCountCount() > 0;
  }

  private static NativeBuckets nativeBuckets(Metrics.Histogram h) {
    return new NativeBuckets(
        h.getSchema(),
        h.getZeroThreshold(),
        h.getZeroCount(),
        h.getZeroCountFloat(),
        spans(h.getNegativeSpanList()),
        h.getNegativeDeltaList(),
        h.getNegativeCountList(),
        spans(h.getPositiveSpanList()),
        h.getPositiveDeltaList(),
        h.getPositiveCountList());
  }

  private static List<BucketSpan> spans(List<Metrics.BucketSpan> spans) {
    List<BucketSpan> out = new ArrayList<>(spans.size());
    for (Metrics.BucketSpan s : spans) {
      out.add(new BucketSpan(s.getOffset(), s.getLength()));
    }
    return out;
  }

  static Metrics.Histogram toProto(MetricValue.Histogram h) {
    Metrics.Histogram.Builder b = Metrics.Histogram.newBuilder().setSampleSum(h.sum());
    if (isSet(h.countFloat())) {
      b.setSampleCountFloat(h.countFloat());
    }
    if (h.count() != 0 || !isSet(h.countFloat())) {
      b.setSampleCount(h.count());
    }
    for (Bucket bucket : h.buckets()) {
      b.addBucket(bucket(bucket));
    }
    h.created().ifPresent(t -> b.setCreatedTimestamp(ModelToProto.timestamp(t)));
    h.nativeBuckets().ifPresent(n -> setNative(b, n));
    for (Exemplar e : h.exemplars()) {
      b.addExemplars(ModelToProto.exemplar(e));
    }
    return b.build();
  }

  private static Metrics.Bucket bucket(Bucket bucket) {
    Metrics.Bucket.Builder b = Metrics.Bucket.newBuilder().setUpperBound(bucket.upperBound());
    if (isSet(bucket.cumulativeCountFloat())) {
      b.setCumulativeCountFloat(bucket.cumulativeCountFloat());
    }
    if (bucket.cumulativeCount() != 0 || !isSet(bucket.cumulativeCountFloat())) {
      b.setCumulativeCount(bucket.cumulativeCount());
    }
    bucket.exemplar().ifPresent(e -> b.setExemplar(ModelToProto.exemplar(e)));
    return b.build();
  }

  private static void setNative(Metrics.Histogram.Builder b, NativeBuckets n) {
    b.setSchema(n.schema()).setZeroThreshold(n.zeroThreshold());
    if (isSet(n.zeroCountFloat())) {
      b.setZeroCountFloat(n.zeroCountFloat());
    }
    if (n.zeroCount() != 0 || !isSet(n.zeroCountFloat())) {
      b.setZeroCount(n.zeroCount());
    }
    for (BucketSpan s : n.negativeSpans()) {
      b.addNegativeSpan(span(s));
    }
    b.addAllNegativeDelta(n.negativeDeltas()).addAllNegativeCount(n.negativeCounts());
    for (BucketSpan s : n.positiveSpans()) {
      b.addPositiveSpan(span(s));
    }
    b.addAllPositiveDelta(n.positiveDeltas()).addAllPositiveCount(n.positiveCounts());
  }

  private static Metrics.BucketSpan span(BucketSpan s) {
    return Metrics.BucketSpan.newBuilder().setOffset(s.offset()).setLength(s.length()).build();
  }

  /** True unless the value is +0.0, the proto default; -0.0 and NaN count as set. */
  private static boolean isSet(double d) {
    return Double.doubleToRawLongBits(d) != 0;
  }
}
