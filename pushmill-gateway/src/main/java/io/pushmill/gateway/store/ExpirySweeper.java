package io.pushmill.gateway.store;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's expiry work: deletes the groups whose TTL ran out, as a DELETE would, logs and
 * reports each, and tells the writer how long it may sleep. It wakes the writer just after the next
 * expiry, and at least once a second while any group has a TTL, so that a clock that jumps (or a
 * test's settable clock) is followed within a second.
 */
final class ExpirySweeper {
  private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);
  private static final Duration MAX_SLEEP = Duration.ofSeconds(1);

  private final StoreState state;
  private final PushApplier applier;
  private final InstantSource clock;
  private final PushListener listener;
  private final Runnable changed;

  ExpirySweeper(
      StoreState state,
      PushApplier applier,
      InstantSource clock,
      PushListener listener,
      Runnable changed) {
    this.state = state;
    this.applier = applier;
    this.clock = clock;
    this.listener = listener;
    this.changed = changed;
  }

  /** Deletes every group expired by now; returns how many. */
  int sweep() {
    Instant now = clock.instant();
    List<PushApplier.Expired> expired = applier.expire(now);
    for (PushApplier.Expired e : expired) {
      Instant at = e.expiry().expiresAt().orElse(now);
      LOG.atInfo()
          .addKeyValue("group", e.key())
          .addKeyValue("ttl", e.expiry().ttl().map(Duration::toString).orElse(""))
          .addKeyValue("source", e.expiry().source().label())
          .addKeyValue("last_push", e.expiry().since())
          .log("group expired");
      listener.removed(e.key(), at, PushListener.Removal.EXPIRED);
    }
    if (!expired.isEmpty()) {
      changed.run();
    }
    return expired.size();
  }

  /** How long the writer may wait for a write before the next sweep is due. */
  long nanosUntilDue() {
    Optional<Instant> next = state.nextExpiry();
    if (next.isEmpty()) {
      return Long.MAX_VALUE;
    }
    // A group expires strictly after its expiry instant: wake one nanosecond later.
    Duration left = Duration.between(clock.instant(), next.get()).plusNanos(1);
    if (left.isNegative()) {
      return 0;
    }
    return left.compareTo(MAX_SLEEP) > 0 ? MAX_SLEEP.toNanos() : left.toNanos();
  }
}
