package io.pushmill.gateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a group expires. The countdown starts at {@code since}: the last successful push, or, for a
 * group that never had one (it was created by a refused push), the last refused push. The group
 * expires once strictly more than {@code ttl} has passed since then.
 *
 * @param ttl the time to live; empty when the group never expires
 * @param source who decided; {@link TtlSource#URL} with an empty TTL means the URL said {@code 0}
 * @param since when the countdown started
 */
public record GroupExpiry(Optional<Duration> ttl, TtlSource source, Instant since) {

  public GroupExpiry {
    if (ttl == null || source == null || since == null) {
      throw new IllegalArgumentException("group expiry fields must not be null");
    }
    if (ttl.isPresent() && (ttl.get().isNegative() || ttl.get().isZero())) {
      throw new IllegalArgumentException("a TTL must be positive, or absent: " + ttl.get());
    }
    if (source == TtlSource.NONE && ttl.isPresent()) {
      throw new IllegalArgumentException("a TTL needs a source: " + ttl.get());
    }
  }

  /** A group nobody gave a TTL, counting from {@code since}. */
  public static GroupExpiry none(Instant since) {
    return new GroupExpiry(Optional.empty(), TtlSource.NONE, since);
  }

  /** A TTL of {@code ttl} (zero meaning never) from {@code source}, counting from {@code since}. */
  public static GroupExpiry of(Duration ttl, TtlSource source, Instant since) {
    return new GroupExpiry(ttl.isZero() ? Optional.empty() : Optional.of(ttl), source, since);
  }

  /** The last instant at which the group is still alive; empty when it never expires. */
  public Optional<Instant> expiresAt() {
    return ttl.map(this::deadline);
  }

  /** Whether the group is gone at {@code now}: strictly after {@link #expiresAt()}. */
  public boolean isExpiredAt(Instant now) {
    return ttl.isPresent() && now.isAfter(deadline(ttl.get()));
  }

  /** The same TTL counting from another instant. */
  public GroupExpiry restartedAt(Instant newSince) {
    return new GroupExpiry(ttl, source, newSince);
  }

  private Instant deadline(Duration d) {
    try {
      return since.plus(d);
    } catch (java.time.DateTimeException | ArithmeticException beyondInstantMax) {
      return Instant.MAX;
    }
  }
}
