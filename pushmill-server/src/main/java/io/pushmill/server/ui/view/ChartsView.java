package io.pushmill.server.ui.view;

import java.util.List;
import java.util.Optional;

/**
 * The charts page: which series to draw (a metric name, optionally one job), over which range,
 * where the browser fetches the points, and the series' current state as a table.
 *
 * @param names every metric name in the gateway, for the picker
 * @param jobs the jobs that push {@code name}
 * @param dataUrl the JSON the charts are drawn from
 * @param history false when the gateway keeps no push history (one point per series)
 */
public record ChartsView(PageInfo page, List<String> names, Optional<String> name,
    List<String> jobs, String job, List<String> ranges, String range, String dataUrl,
    boolean history, List<SeriesRow> series, int notShown) {

  public ChartsView {
    names = List.copyOf(names);
    jobs = List.copyOf(jobs);
    ranges = List.copyOf(ranges);
    series = List.copyOf(series);
  }

  /**
   * One series in the table under the charts.
   *
   * @param last the last pushed value
   * @param instant the instant view now: the value while fresh, empty once stale
   */
  public record SeriesRow(String name, List<LabelPair> labels, Optional<String> last,
      Optional<String> lastPush, Optional<String> instant) {
    public SeriesRow {
      labels = List.copyOf(labels);
    }
  }
}
