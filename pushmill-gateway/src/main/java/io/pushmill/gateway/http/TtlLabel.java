package io.pushmill.gateway.http;

import io.pushmill.gateway.http.gocompat.GoDuration;
import io.pushmill.metrics.text.GoQuote;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The push URL's TTL pseudo-label, {@code …/__ttl__/<ttl>}: any client can add it as a grouping
 * label. Upstream refuses every label name starting with {@code __} ({@code improper label name}),
 * so no existing client can depend on it and it can never clash with a real label. It is taken out
 * of the grouping key. The value is a Go duration ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code
 * 1.5h}) or a number of seconds ({@code 30}, {@code 2.5}); {@code 0} means never expire.
 */
public final class TtlLabel {
  /** The pseudo-label's name. */
  public static final String NAME = "__ttl__";

  static final byte[] NAME_BYTES = NAME.getBytes(StandardCharsets.US_ASCII);

  private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000_000L);

  private TtlLabel() {}

  /**
   * The TTL a pseudo-label's value asks for.
   *
   * @throws BadRequestException naming the value, for anything else
   */
  public static Duration parse(byte[] value) {
    String s = new String(value, StandardCharsets.ISO_8859_1);
    if (SECONDS.matcher(s).matches()) {
      BigDecimal seconds = new BigDecimal(s);
      if (seconds.compareTo(MAX_SECONDS) > 0) {
        throw invalid(value, "too long");
      }
      return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }
    Duration d;
    try {
      d = GoDuration.parse(s);
    } catch (IllegalArgumentException e) {
      throw invalid(value, "want a duration such as 30s, 5m or 1h30m, or a number of seconds");
    }
    if (d.isNegative()) {
      throw invalid(value, "a TTL cannot be negative");
    }
    return d;
  }

  private static BadRequestException invalid(byte[] value, String why) {
    return new BadRequestException("invalid " + NAME + " " + GoQuote.quote(value) + ": " + why);
  }
}
