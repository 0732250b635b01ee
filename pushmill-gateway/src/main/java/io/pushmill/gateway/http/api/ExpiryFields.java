package io.pushmill.gateway.http.api;

import io.pushmill.gateway.http.gocompat.GoDuration;
import io.pushmill.gateway.http.gocompat.GoJson;
import io.pushmill.gateway.http.gocompat.GoTime;
import io.pushmill.gateway.store.GroupExpiry;
import io.pushmill.gateway.store.TtlSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A group's expiry as the API and the UI show it: the TTL in Go's duration form and in seconds,
 * where it came from, when its countdown started and when the group expires. Only groups that
 * something gave a TTL (or an explicit "never") have it; the others look exactly as upstream's.
 */
public final class ExpiryFields {
  /** The key of the expiry object in a group of {@code /api/v1/metrics}. */
  public static final String KEY = "pushmill_expiry";

  private ExpiryFields() {}

  /** The object to add to a group, if the group has expiry information to show. */
  public static Optional<GoJson.Ordered> of(GroupExpiry expiry) {
    if (expiry.source() == TtlSource.NONE) {
      return Optional.empty();
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    Duration ttl = expiry.ttl().orElse(Duration.ZERO);
    fields.put("ttl", ttl(ttl));
    fields.put("ttl_seconds", seconds(ttl));
    fields.put("source", expiry.source().label());
    fields.put("since", GoTime.rfc3339Nano(expiry.since()));
    expiry.expiresAt().ifPresent(at -> fields.put("expires_at", GoTime.rfc3339Nano(at)));
    return Optional.of(new GoJson.Ordered(fields));
  }

  /** A TTL in Go's form ({@code 30s}, {@code 1h30m0s}); {@code 0s} for never. */
  public static String ttl(Duration d) {
    try {
      return GoDuration.format(d);
    } catch (ArithmeticException beyondGoDurations) {
      return seconds(d) + "s";
    }
  }

  /** A TTL in seconds as a plain decimal ({@code 30}, {@code 0.5}). */
  public static String seconds(Duration d) {
    return BigDecimal.valueOf(d.getSeconds())
        .add(BigDecimal.valueOf(d.getNano(), 9))
        .stripTrailingZeros()
        .toPlainString();
  }
}
