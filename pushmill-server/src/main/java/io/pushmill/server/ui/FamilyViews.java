package io.pushmill.server.ui;

import io.pushmill.gateway.store.StoredFamily;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.Unsigned;
import io.pushmill.server.ui.view.FamilyView;
import io.pushmill.server.ui.view.FamilyView.MetricView;
import io.pushmill.server.ui.view.FamilyView.Pair;
import io.pushmill.server.ui.view.Format;
import io.pushmill.server.ui.view.LabelPair;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a stored family into what the gateway page shows: values as numbers, histograms as bucket
 * tables, summaries as quantile tables. A family shows at most {@link #MAX_METRICS} metrics, so
 * that a group with a huge family cannot make a huge page.
 */
final class FamilyViews {
  static final int MAX_METRICS = 200;

  private FamilyViews() {}

  static FamilyView of(StoredFamily stored, Instant now) {
    MetricFamily f = stored.family();
    List<MetricView> metrics = f.metrics().stream().limit(MAX_METRICS)
        .map(FamilyViews::metric).toList();
    return new FamilyView(f.name(), f.type().name().toLowerCase(Locale.ROOT), f.help(),
        Format.age(stored.timestamp(), now), metrics,
        Math.max(0, f.metrics().size() - MAX_METRICS));
  }

  private static MetricView metric(Metric m) {
    List<LabelPair> labels = LabelPair.of(m.labels());
    return switch (m.value()) {
      case MetricValue.Gauge g -> scalar(labels, g.value());
      case MetricValue.Counter c -> scalar(labels, c.value());
      case MetricValue.Untyped u -> scalar(labels, u.value());
      case MetricValue.Summary s -> new MetricView(labels, Optional.empty(), List.of(),
          s.quantiles().stream().map(q -> new Pair(Format.number(q.quantile()),
              Format.number(q.value()))).toList(),
          Optional.of(Long.toUnsignedString(s.count())), Optional.of(Format.number(s.sum())),
          Optional.empty());
      case MetricValue.Histogram h -> histogram(labels, h);
      case MetricValue.Missing x -> new MetricView(labels, Optional.empty(), List.of(),
          List.of(), Optional.empty(), Optional.empty(), Optional.of("no value"));
    };
  }

  private static MetricView scalar(List<LabelPair> labels, double v) {
    return new MetricView(labels, Optional.of(Format.number(v)), List.of(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static MetricView histogram(List<LabelPair> labels, MetricValue.Histogram h) {
    List<Pair> buckets = h.buckets().stream().map(b -> new Pair(Format.number(b.upperBound()),
        Format.number(b.effectiveCount()))).toList();
    if (!buckets.isEmpty() && !buckets.getLast().key().equals("+Inf")) {
      buckets = new java.util.ArrayList<>(buckets);
      buckets.add(new Pair("+Inf", Format.number(h.effectiveCount())));
    }
    Optional<String> note = h.nativeBuckets().map(n -> "native histogram: schema " + n.schema()
        + ", zero bucket " + Format.number(n.zeroThreshold()) + " holding "
        + Format.number(n.zeroCountFloat() > 0 ? n.zeroCountFloat()
            : Unsigned.toDouble(n.zeroCount()))
        + ", " + (n.positiveSpans().size() + n.negativeSpans().size()) + " bucket spans");
    return new MetricView(labels, Optional.empty(), buckets, List.of(),
        Optional.of(Format.number(h.effectiveCount())), Optional.of(Format.number(h.sum())),
        note);
  }
}
