package io.pushmill.server.ui;

import io.pushmill.gateway.history.HistoryQuery;
import io.pushmill.gateway.history.PushHistory;
import io.pushmill.gateway.history.SeriesHistory;
import io.pushmill.metrics.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Charts from the gateway's push history: one sample per push, and its instant view. */
final class HistoryCharts implements ChartSource {
  private final PushHistory history;

  HistoryCharts(PushHistory history) {
    this.history = history;
  }

  @Override
  public boolean keepsHistory() {
    return true;
  }

  @Override
  public List<Series> series(String name, Labels labels, Instant since) {
    Map<String, String> wanted = labels.asMap();
    return history.query(new HistoryQuery(Optional.of(name), wanted, Optional.of(since),
        Optional.empty())).stream().map(HistoryCharts::series).toList();
  }

  private static Series series(SeriesHistory h) {
    return new Series(h.name(), h.labels(), h.fresh(),
        h.samples().stream().map(s -> new Point(s.timeMillis(), OptionalDouble.of(s.value())))
            .toList(),
        h.instant().stream().map(p -> new Point(p.timeMillis(), p.value())).toList());
  }
}
