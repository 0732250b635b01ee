package io.pushmill.gateway.store;

import java.time.Duration;
import java.util.Optional;

/**
 * A per-group time to live chosen by the server wiring, for pushes whose URL does not carry one:
 * for example the runner gives the groups its schedules push a TTL derived from their cadence.
 * Precedence: the push URL's TTL, then this policy, then the server-wide default.
 *
 * <p>Called on the pushing thread (an HTTP request) for every push without a URL TTL, and once per
 * group while persisted groups are loaded; possibly concurrently. It must be quick and must not
 * call back into the store. An exception counts as no opinion (and is logged).
 */
@FunctionalInterface
public interface TtlPolicy {

  /**
   * The TTL for pushes to this group: empty for no opinion (the default applies), {@link
   * Duration#ZERO} for never expire (the default does not apply either).
   */
  Optional<Duration> ttlFor(GroupingKey key);

  /** No opinion about any group. */
  static TtlPolicy none() {
    return key -> Optional.empty();
  }
}
