package io.pushmill.server.ui.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One group in the gateway's list, collapsed: its grouping labels, its last push (and whether it
 * failed), its expiry, and how much it holds. Its families are loaded when it is opened.
 *
 * @param domId an id for the page's elements, unique on the page
 * @param query the group as {@code l.<name>=<value>} query parameters, URL-encoded
 * @param expiry when the group expires, as words; empty when it never does
 */
public record GroupRow(String domId, List<LabelPair> labels, String query,
    Optional<Instant> lastPush, Optional<Instant> lastFailure, boolean failed, int families,
    int series, Optional<String> expiry) {

  public GroupRow {
    labels = List.copyOf(labels);
  }

  /** {@code job="a", instance="b"}, for confirmations and accessible names. */
  public String title() {
    StringBuilder sb = new StringBuilder();
    for (LabelPair p : labels) {
      sb.append(sb.isEmpty() ? "" : ", ").append(p.name()).append("=\"").append(p.value())
          .append('"');
    }
    return sb.toString();
  }
}
