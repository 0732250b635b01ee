package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.MetricFamily;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a prepared push against the store and applies it with upstream's semantics: PUT replaces
 * the group's families except {@code push_*}, POST replaces the families it names, a success sets
 * {@code push_time_seconds} (and a zero failure time if none), a refusal sets {@code
 * push_failure_time_seconds} (and a zero push time if none), creating the group if needed, unless
 * the group's own {@code push_*} series would be invalid or duplicate another group's: then the
 * refusal changes nothing at all. An accepted push sets the group's expiry (its TTL, counting from
 * the push); a refused one leaves it, except in a group that never had a successful push. Deletes,
 * wipes and expiries remove groups. Used by the writer only.
 */
final class PushApplier {
  private final StoreState state;
  private final ConsistencyCheck check;
  private final SeriesText text = new SeriesText();

  PushApplier(StoreState state, ConsistencyCheck check) {
    this.state = state;
    this.check = check;
  }

  /** Checks and applies the push; {@code changed} runs when the store changed. */
  PushOutcome apply(PreparedPush push, Runnable changed) {
    Optional<GroupState> group = state.group(push.key());
    ConsistencyCheck.Result result = check.check(push, group);
    if (result.ok()) {
      state.mutate(() -> accept(push, group));
      changed.run();
      return PushOutcome.accepted();
    }
    if (result.pushSeriesValid()) {
      state.mutate(() -> recordFailure(push, group));
      changed.run();
    }
    return PushOutcome.rejected(result.message());
  }

  boolean delete(GroupingKey key) {
    boolean[] removed = {false};
    state.mutate(() -> removed[0] = state.removeGroup(key));
    return removed[0];
  }

  /** Deletes every group in one change (no reader sees a half-wiped store); returns the keys. */
  List<GroupingKey> wipe() {
    List<GroupingKey> keys = state.keys();
    state.mutate(
        () -> {
          for (GroupingKey key : keys) {
            state.removeGroup(key);
          }
        });
    return keys;
  }

  /** Deletes, in one change, the groups expired at {@code now}; returns their expiries. */
  List<Expired> expire(Instant now) {
    List<GroupState> due = state.expiredAt(now);
    if (due.isEmpty()) {
      return List.of();
    }
    List<Expired> expired = new ArrayList<>(due.size());
    state.mutate(
        () -> {
          for (GroupState g : due) {
            state.removeGroup(g.key());
            expired.add(new Expired(g.key(), g.expiry()));
          }
        });
    state.countExpired(expired.size());
    return expired;
  }

  /** A group deleted because it expired, with the expiry it had. */
  record Expired(GroupingKey key, GroupExpiry expiry) {}

  private void accept(PreparedPush push, Optional<GroupState> existing) {
    GroupState g = existing.orElseGet(() -> create(push));
    if (existing.isPresent()) {
      state.setExpiry(g, push.expiry());
    }
    if (push.request().mode() == PushMode.REPLACE) {
      for (String name : new ArrayList<>(g.families().keySet())) {
        if (!PushTimes.isPushTimeName(name)) {
          state.removeFamily(g, name);
        }
      }
    }
    for (PreparedPush.PreparedFamily f : push.families()) {
      state.putFamily(g, f.stored(), f.texts());
    }
    Instant time = push.request().time();
    put(g, MetricStore.PUSH_TIME, PushTimes.seconds(time), time);
    if (!g.has(MetricStore.PUSH_FAILURE_TIME)) {
      put(g, MetricStore.PUSH_FAILURE_TIME, 0, time);
    }
  }

  // A refused push does not refresh a group's expiry, unless the group never had a successful push:
  // then its refused pushes are all there is to count from.
  private void recordFailure(PreparedPush push, Optional<GroupState> existing) {
    GroupState g = existing.orElseGet(() -> create(push));
    if (existing.isPresent() && !g.everSucceeded()) {
      state.setExpiry(g, push.expiry());
    }
    Instant time = push.request().time();
    put(g, MetricStore.PUSH_FAILURE_TIME, PushTimes.seconds(time), time);
    if (!g.has(MetricStore.PUSH_TIME)) {
      put(g, MetricStore.PUSH_TIME, 0, time);
    }
  }

  private GroupState create(PreparedPush push) {
    return state.createGroup(push.key(), push.pushLabels(), push.expiry());
  }

  private void put(GroupState g, String name, double value, Instant time) {
    Labels labels = g.pushLabels();
    MetricFamily f = PushTimes.family(name, labels, value);
    byte[][] texts = {text.series(name, f.type(), f.metrics().getFirst(), true)};
    state.putFamily(g, new StoredFamily(time, f), texts);
  }
}
