package io.pushmill.gateway.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The groups that have a TTL, ordered by the instant they expire, so that the writer finds the due
 * ones in O(log n) and knows how long it may sleep. Writer-only, like the rest of {@link
 * StoreState}'s writer side; {@link #earliest()} is published for readers through a volatile
 * field of the state.
 */
final class ExpiryIndex {
  /** An expiry instant made unique by a sequence number, so two groups may share an instant. */
  private record Deadline(Instant at, long seq) implements Comparable<Deadline> {
    @Override
    public int compareTo(Deadline o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final TreeMap<Deadline, GroupState> byDeadline = new TreeMap<>();
  private final Map<GroupState, Deadline> byGroup = new HashMap<>();
  private long seq;

  /** Files {@code g} under its current expiry, replacing what it was filed under. */
  void update(GroupState g) {
    remove(g);
    Optional<Instant> at = g.expiry().expiresAt();
    if (at.isPresent()) {
      Deadline d = new Deadline(at.get(), seq++);
      byDeadline.put(d, g);
      byGroup.put(g, d);
    }
  }

  void remove(GroupState g) {
    Deadline d = byGroup.remove(g);
    if (d != null) {
      byDeadline.remove(d);
    }
  }

  /** The groups expired at {@code now} (strictly past their expiry instant), soonest first. */
  List<GroupState> expiredAt(Instant now) {
    List<GroupState> due = new ArrayList<>();
    for (GroupState g : byDeadline.values()) {
      if (!g.expiry().isExpiredAt(now)) {
        break;
      }
      due.add(g);
    }
    return due;
  }

  /** The soonest expiry instant, if any group has a TTL. */
  Optional<Instant> earliest() {
    return byDeadline.isEmpty() ? Optional.empty() : Optional.of(byDeadline.firstKey().at());
  }

  /** How many groups have a TTL. */
  int size() {
    return byGroup.size();
  }
}
