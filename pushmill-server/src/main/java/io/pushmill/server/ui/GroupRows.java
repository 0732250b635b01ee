package io.pushmill.server.ui;

import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.metrics.Labels;
import io.pushmill.server.ui.view.GroupRow;
import io.pushmill.server.ui.view.LabelPair;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The collapsed row of a group, and the query parameters that name a group. */
final class GroupRows {
  private GroupRows() {}

  static GroupRow of(GroupSnapshot g, String domId) {
    int series = g.families().values().stream().mapToInt(f -> f.family().metrics().size()).sum();
    return new GroupRow(domId, LabelPair.of(g.key().labels()), query(g.key().labels()),
        g.lastPushTime(), g.lastFailureTime(), !g.lastPushSuccessful(), g.families().size(),
        series, Optional.empty());
  }

  /** {@code l.job=a&l.instance=b}, which {@link UiRequest#labels()} reads back. */
  static String query(Labels labels) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < labels.size(); i++) {
      sb.append(i == 0 ? "" : "&").append(encode(UiRequest.LABEL_PREFIX + labels.name(i)))
          .append('=').append(encode(labels.value(i)));
    }
    return sb.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
