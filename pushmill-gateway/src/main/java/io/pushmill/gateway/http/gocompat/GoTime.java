package io.pushmill.gateway.http.gocompat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Go's time layouts for instants, always in UTC (so the zone is written {@code Z}). */
public final class GoTime {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private GoTime() {}

  /**
   * {@code time.RFC3339Nano}, as Go's JSON encoding writes a {@code time.Time}: nanoseconds with
   * trailing zeros trimmed, no fraction at all when they are zero.
   */
  public static String rfc3339Nano(Instant t) {
    StringBuilder sb = new StringBuilder(SECONDS.format(t));
    int nanos = t.getNano();
    if (nanos != 0) {
      String frac = String.format("%09d", nanos);
      int end = frac.length();
      while (frac.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(frac, 0, end);
    }
    return sb.append('Z').toString();
  }

  /** {@code time.RFC3339}: whole seconds. */
  public static String rfc3339(Instant t) {
    return SECONDS.format(t) + "Z";
  }
}
