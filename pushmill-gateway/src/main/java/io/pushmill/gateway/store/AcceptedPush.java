package io.pushmill.gateway.store;

import io.pushmill.metrics.MetricFamily;
import java.time.Instant;
import java.util.List;

/**
 * A push the store accepted, as the store now holds it: families sanitised (grouping labels set,
 * {@code instance} added), without the synthetic {@code push_*} families.
 *
 * @param time the push's time, which is also its {@code push_time_seconds}
 * @param mode PUT replaced the group's families; POST replaced only those named here
 * @param expiry the group's expiry after the push
 */
public record AcceptedPush(
    GroupingKey key, Instant time, PushMode mode, List<MetricFamily> families, GroupExpiry expiry) {

  public AcceptedPush {
    families = List.copyOf(families);
  }
}
