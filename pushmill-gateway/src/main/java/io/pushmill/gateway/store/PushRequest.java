package io.pushmill.gateway.store;

import io.pushmill.metrics.MetricFamily;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One push as the store receives it: parsed families (not yet sanitised), the group they go to,
 * PUT or POST, the server time the push was received, which becomes {@code push_time_seconds}, and
 * the TTL the push URL asked for, if any ({@link Duration#ZERO}: never expire).
 */
public record PushRequest(
    GroupingKey key,
    Map<String, MetricFamily> families,
    PushMode mode,
    Instant time,
    Optional<Duration> ttl) {

  public PushRequest {
    if (key == null || families == null || mode == null || time == null || ttl == null) {
      throw new IllegalArgumentException("push request fields must not be null");
    }
    if (ttl.isPresent() && ttl.get().isNegative()) {
      throw new IllegalArgumentException("a TTL must not be negative: " + ttl.get());
    }
    families = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(families));
  }

  /** A push whose URL asks for no TTL. */
  public PushRequest(
      GroupingKey key, Map<String, MetricFamily> families, PushMode mode, Instant time) {
    this(key, families, mode, time, Optional.empty());
  }
}
