package io.pushmill.gateway.http.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts client_java snapshots into the gateway's model with the names the Prometheus text format
 * gives them: counters end in {@code _total}, info metrics in {@code _info} (as gauges of 1), state
 * sets become gauges with one series per state. Classic histogram buckets become cumulative, as
 * {@code metrics.proto} wants them.
 */
final class SnapshotConverter {
  private SnapshotConverter() {}

  static MetricFamily convert(MetricSnapshot snapshot) {
    String name = snapshot.getMetadata().getPrometheusName();
    Optional<String> help = Optional.ofNullable(snapshot.getMetadata().getHelp());
    return switch (snapshot) {
      case CounterSnapshot c ->
          family(
              name + "_total",
              help,
              MetricType.COUNTER,
              convertAll(c.getDataPoints(), p -> MetricValue.Counter.of(p.getValue())));
      case GaugeSnapshot g ->
          family(
              name,
              help,
              MetricType.GAUGE,
              convertAll(g.getDataPoints(), p -> new MetricValue.Gauge(p.getValue())));
      case UnknownSnapshot u ->
          family(
              name,
              help,
              MetricType.UNTYPED,
              convertAll(u.getDataPoints(), p -> new MetricValue.Untyped(p.getValue())));
      case SummarySnapshot s ->
          family(
              name,
              help,
              MetricType.SUMMARY,
              convertAll(s.getDataPoints(), SnapshotConverter::summary));
      case HistogramSnapshot h ->
          family(
              name,
              help,
              h.isGaugeHistogram() ? MetricType.GAUGE_HISTOGRAM : MetricType.HISTOGRAM,
              convertAll(h.getDataPoints(), SnapshotConverter::histogram));
      case InfoSnapshot i ->
          family(
              name + "_info",
              help,
              MetricType.GAUGE,
              convertAll(i.getDataPoints(), p -> new MetricValue.Gauge(1)));
      case StateSetSnapshot s -> family(name, help, MetricType.GAUGE, stateSet(name, s));
      default -> throw new IllegalArgumentException("unknown snapshot type " + snapshot.getClass());
    };
  }

  private static MetricFamily family(
      String name, Optional<String> help, MetricType type, List<Metric> metrics) {
    return MetricFamily.of(name, help, type, metrics);
  }

  private static <P extends DataPointSnapshot> List<Metric> convertAll(
      List<P> points, java.util.function.Function<P, MetricValue> value) {
    List<Metric> metrics = new ArrayList<>(points.size());
    for (P p : points) {
      metrics.add(Metric.of(labels(p.getLabels()), value.apply(p)));
    }
    return metrics;
  }

  private static Labels labels(io.prometheus.metrics.model.snapshots.Labels in) {
    String[] pairs = new String[in.size() * 2];
    for (int i = 0; i < in.size(); i++) {
      pairs[2 * i] = in.getPrometheusName(i);
      pairs[2 * i + 1] = in.getValue(i);
    }
    return Labels.of(pairs);
  }

  private static MetricValue summary(SummarySnapshot.SummaryDataPointSnapshot p) {
    List<MetricValue.Quantile> quantiles = new ArrayList<>();
    for (Quantile q : p.getQuantiles()) {
      quantiles.add(new MetricValue.Quantile(q.getQuantile(), q.getValue()));
    }
    return new MetricValue.Summary(
        p.hasCount() ? p.getCount() : 0, p.hasSum() ? p.getSum() : 0, quantiles, Optional.empty());
  }

  private static MetricValue histogram(HistogramSnapshot.HistogramDataPointSnapshot p) {
    List<MetricValue.Bucket> buckets = new ArrayList<>();
    ClassicHistogramBuckets classic = p.getClassicBuckets();
    long cumulative = 0;
    for (int i = 0; i < classic.size(); i++) {
      cumulative += classic.getCount(i);
      buckets.add(MetricValue.Bucket.of(classic.getUpperBound(i), cumulative));
    }
    long count = p.hasCount() ? p.getCount() : cumulative;
    return MetricValue.Histogram.classic(count, p.hasSum() ? p.getSum() : 0, buckets);
  }

  private static List<Metric> stateSet(String name, StateSetSnapshot s) {
    List<Metric> metrics = new ArrayList<>();
    for (StateSetSnapshot.StateSetDataPointSnapshot p : s.getDataPoints()) {
      Labels base = labels(p.getLabels());
      for (StateSetSnapshot.State state : p) {
        metrics.add(
            Metric.of(
                base.with(name, state.getName()), new MetricValue.Gauge(state.isTrue() ? 1 : 0)));
      }
    }
    return metrics;
  }
}
