package io.pushmill.server.ui;

import io.pushmill.gateway.http.gocompat.GoDuration;
import io.pushmill.gateway.store.GroupExpiry;
import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.metrics.Labels;
import io.pushmill.server.ui.view.Format;
import io.pushmill.server.ui.view.GroupRow;
import io.pushmill.server.ui.view.LabelPair;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** The collapsed row of a group, and the query parameters that name a group. */
final class GroupRows {
  private GroupRows() {}

  static GroupRow of(GroupSnapshot g, String domId, Instant now) {
    int series = g.families().values().stream().mapToInt(f -> f.family().metrics().size()).sum();
    return new GroupRow(domId, LabelPair.of(g.key().labels()), query(g.key().labels()),
        g.lastPushTime(), g.lastFailureTime(), !g.lastPushSuccessful(), g.families().size(),
        series, expiry(g.expiry(), now));
  }

  /** {@code in 4 min (TTL 5m, url)}; empty for a group that never expires. */
  static Optional<String> expiry(GroupExpiry e, Instant now) {
    return e.expiresAt().map(at -> Format.age(at, now) + " (TTL "
        + GoDuration.format(e.ttl().orElseThrow()) + ", " + e.source().label() + ")");
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
