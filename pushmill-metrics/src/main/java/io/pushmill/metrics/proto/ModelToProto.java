package io.pushmill.metrics.proto;

import com.google.protobuf.Timestamp;
import io.prometheus.client.Metrics;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.time.Instant;

/**
 * Converts the model into generated {@code metrics.proto} messages. Name, type, label pairs and the
 * value fields a client always sets are always written; HELP, unit, timestamps, exemplars and
 * created timestamps only when the model holds them.
 */
final class ModelToProto {
  private ModelToProto() {}

  static Metrics.MetricFamily family(MetricFamily f) {
    Metrics.MetricFamily.Builder b =
        Metrics.MetricFamily.newBuilder().setName(f.name()).setType(type(f.type()));
    f.help().ifPresent(b::setHelp);
    if (!f.unit().isEmpty()) {
      b.setUnit(f.unit());
    }
    for (Metric m : f.metrics()) {
      b.addMetric(metric(m));
    }
    return b.build();
  }

  private static Metrics.MetricType type(MetricType t) {
    return switch (t) {
      case COUNTER -> Metrics.MetricType.COUNTER;
      case GAUGE -> Metrics.MetricType.GAUGE;
      case SUMMARY -> Metrics.MetricType.SUMMARY;
      case UNTYPED -> Metrics.MetricType.UNTYPED;
      case HISTOGRAM -> Metrics.MetricType.HISTOGRAM;
      case GAUGE_HISTOGRAM -> Metrics.MetricType.GAUGE_HISTOGRAM;
    };
  }

  private static Metrics.Metric metric(Metric m) {
    Metrics.Metric.Builder b = Metrics.Metric.newBuilder();
    addLabels(m.labels(), b::addLabel);
    m.timestampMs().ifPresent(b::setTimestampMs);
    switch (m.value()) {
      case MetricValue.Gauge g -> b.setGauge(Metrics.Gauge.newBuilder().setValue(g.value()));
      case MetricValue.Untyped u -> b.setUntyped(Metrics.Untyped.newBuilder().setValue(u.value()));
      case MetricValue.Counter c -> b.setCounter(counter(c));
      case MetricValue.Summary s -> b.setSummary(summary(s));
      case MetricValue.Histogram h -> b.setHistogram(ProtoHistograms.toProto(h));
      case MetricValue.Missing x -> {
        // No value field at all, as it was pushed.
      }
    }
    return b.build();
  }

  private static Metrics.Counter counter(MetricValue.Counter c) {
    Metrics.Counter.Builder b = Metrics.Counter.newBuilder().setValue(c.value());
    c.exemplar().ifPresent(e -> b.setExemplar(exemplar(e)));
    c.created().ifPresent(t -> b.setCreatedTimestamp(timestamp(t)));
    return b.build();
  }

  private static Metrics.Summary summary(MetricValue.Summary s) {
    Metrics.Summary.Builder b =
        Metrics.Summary.newBuilder().setSampleCount(s.count()).setSampleSum(s.sum());
    for (MetricValue.Quantile q : s.quantiles()) {
      b.addQuantile(Metrics.Quantile.newBuilder().setQuantile(q.quantile()).setValue(q.value()));
    }
    s.created().ifPresent(t -> b.setCreatedTimestamp(timestamp(t)));
    return b.build();
  }

  static Metrics.Exemplar exemplar(MetricValue.Exemplar e) {
    Metrics.Exemplar.Builder b = Metrics.Exemplar.newBuilder().setValue(e.value());
    addLabels(e.labels(), b::addLabel);
    e.timestamp().ifPresent(t -> b.setTimestamp(timestamp(t)));
    return b.build();
  }

  static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  /** Where a converted label pair goes: a metric's or an exemplar's builder. */
  private interface LabelSink {
    Object add(Metrics.LabelPair pair);
  }

  private static void addLabels(Labels labels, LabelSink sink) {
    for (int i = 0; i < labels.size(); i++) {
      sink.add(
          Metrics.LabelPair.newBuilder().setName(labels.name(i)).setValue(labels.value(i)).build());
    }
  }
}
