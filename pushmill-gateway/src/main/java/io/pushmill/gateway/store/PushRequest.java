package io.pushmill.gateway.store;

import io.pushmill.metrics.MetricFamily;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One push as the store receives it: parsed families (not yet sanitised), the group they go to,
 * PUT or POST, and the server time the push was received, which becomes {@code push_time_seconds}.
 */
public record PushRequest(
    GroupingKey key, Map<String, MetricFamily> families, PushMode mode, Instant time) {

  public PushRequest {
    if (key == null || families == null || mode == null || time == null) {
      throw new IllegalArgumentException("push request fields must not be null");
    }
    families = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(families));
  }
}
