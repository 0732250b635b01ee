package io.pushmill.gateway.store;

import io.pushmill.metrics.MetricFamily;
import java.time.Instant;

/** A family as stored in a group: sanitised, with the time of the push that last set it. */
public record StoredFamily(Instant timestamp, MetricFamily family) {}
