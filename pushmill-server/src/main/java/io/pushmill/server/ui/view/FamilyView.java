package io.pushmill.server.ui.view;

import java.util.List;
import java.util.Optional;

/**
 * One family of a group as the gateway page shows it: HELP, TYPE, when it was pushed, and its
 * metrics (the first few hundred; {@code notShown} counts the rest).
 */
public record FamilyView(String name, String type, Optional<String> help, String pushedAgo,
    List<MetricView> metrics, int notShown) {

  public FamilyView {
    metrics = List.copyOf(metrics);
  }

  /** Histograms and summaries are drawn as tables per metric, the rest as one table. */
  public boolean simple() {
    return metrics.stream().allMatch(m -> m.buckets().isEmpty() && m.quantiles().isEmpty()
        && m.count().isEmpty());
  }

  /**
   * One metric.
   *
   * @param value the value of a gauge, counter or untyped metric
   * @param buckets a classic histogram's buckets (upper bound, cumulative count)
   * @param quantiles a summary's quantiles (quantile, value)
   * @param count the count of a histogram or summary
   * @param sum the sum of a histogram or summary
   * @param note what cannot be shown as a table (a native histogram, a missing value)
   */
  public record MetricView(List<LabelPair> labels, Optional<String> value,
      List<Pair> buckets, List<Pair> quantiles, Optional<String> count, Optional<String> sum,
      Optional<String> note) {
    public MetricView {
      labels = List.copyOf(labels);
      buckets = List.copyOf(buckets);
      quantiles = List.copyOf(quantiles);
    }
  }

  /** Two numbers as text: {@code le} and count, or quantile and value. */
  public record Pair(String key, String value) {}
}
