package io.pushmill.gateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a group's TTL: the push URL's, else the {@link TtlPolicy}'s, else the server-wide
 * default, else none. Thread-safe; runs on the pushing thread, so a slow policy never holds up the
 * writer.
 */
final class TtlResolver {
  private static final Logger LOG = LoggerFactory.getLogger(TtlResolver.class);

  private final TtlPolicy policy;
  private final Duration defaultTtl;

  TtlResolver(TtlPolicy policy, Duration defaultTtl) {
    if (defaultTtl.isNegative()) {
      throw new IllegalArgumentException("the default TTL must not be negative: " + defaultTtl);
    }
    this.policy = policy;
    this.defaultTtl = defaultTtl;
  }

  /** The expiry of a push to {@code key} whose URL asked for {@code requested}, from then on. */
  GroupExpiry resolve(GroupingKey key, Optional<Duration> requested, Instant since) {
    if (requested.isPresent()) {
      return GroupExpiry.of(requested.get(), TtlSource.URL, since);
    }
    Optional<Duration> fromPolicy = policyTtl(key);
    if (fromPolicy.isPresent()) {
      return GroupExpiry.of(fromPolicy.get(), TtlSource.POLICY, since);
    }
    if (!defaultTtl.isZero()) {
      return GroupExpiry.of(defaultTtl, TtlSource.DEFAULT, since);
    }
    return GroupExpiry.none(since);
  }

  /**
   * The expiry of a loaded group: a TTL its URL asked for is kept; any other is decided again with
   * the current policy and default, so a changed {@code --push.default-ttl} applies after a
   * restart.
   */
  GroupExpiry reload(GroupingKey key, GroupExpiry persisted) {
    if (persisted.source() == TtlSource.URL) {
      return persisted;
    }
    return resolve(key, Optional.empty(), persisted.since());
  }

  private Optional<Duration> policyTtl(GroupingKey key) {
    try {
      Optional<Duration> ttl = policy.ttlFor(key);
      if (ttl.isPresent() && ttl.get().isNegative()) {
        LOG.warn("the TTL policy gave {} a negative TTL {}; ignoring it", key, ttl.get());
        return Optional.empty();
      }
      return ttl;
    } catch (RuntimeException e) {
      LOG.warn("the TTL policy failed for {}; using the default TTL", key, e);
      return Optional.empty();
    }
  }
}
