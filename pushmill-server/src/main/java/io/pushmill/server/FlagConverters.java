package io.pushmill.server;

import io.pushmill.gateway.http.gocompat.GoDuration;
import io.pushmill.server.logging.Logging;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Flag values in upstream's syntax, for the gateway's flags and the runner's alike. Picocli reports
 * a conversion error as {@code Invalid value for option '--flag': <message>}, so every message here
 * names the value too.
 */
public final class FlagConverters {
  private FlagConverters() {}

  /** Go's duration syntax ({@code 500ms}, {@code 5m}, {@code 1h30m}); must be positive. */
  public static final class PositiveDuration implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d = duration(value);
      if (d.isNegative() || d.isZero()) {
        throw new TypeConversionException("\"" + value + "\" is not a positive duration");
      }
      return d;
    }
  }

  /** Go's duration syntax; zero or positive ({@code 0s} switches the feature off). */
  public static final class NonNegativeDuration implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d = duration(value);
      if (d.isNegative()) {
        throw new TypeConversionException("\"" + value + "\" is a negative duration");
      }
      return d;
    }
  }

  private static Duration duration(String value) {
    try {
      return GoDuration.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** A count: zero or more. */
  public static final class NonNegativeInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value.trim());
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // refused below
      }
      throw new TypeConversionException("\"" + value + "\" is not a count of 0 or more");
    }
  }

  /**
   * A size in bytes as alecthomas/units' {@code Base2Bytes}, which Prometheus' size flags use: a
   * number with an optional unit {@code B}, {@code KB}/{@code KiB}, {@code MB}/{@code MiB}, {@code
   * GB}/{@code GiB}, {@code TB}/{@code TiB}, all powers of 1024.
   */
  public static final class ByteSize implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]i?B|B)?");

    @Override
    public Long convert(String value) {
      Matcher m = SIZE.matcher(value.trim());
      if (!m.matches()) {
        throw new TypeConversionException(
            "\"" + value + "\" is not a size such as 64MiB or 1048576");
      }
      int shift =
          m.group(2) == null
              ? 0
              : switch (m.group(2).charAt(0)) {
                case 'K' -> 10;
                case 'M' -> 20;
                case 'G' -> 30;
                case 'T' -> 40;
                default -> 0;
              };
      try {
        long n = Long.parseLong(m.group(1));
        if (n <= 0 || Long.numberOfLeadingZeros(n) <= shift) {
          throw new TypeConversionException("\"" + value + "\" is not a positive size below 8EiB");
        }
        return n << shift;
      } catch (NumberFormatException e) {
        throw new TypeConversionException("\"" + value + "\" is too large");
      }
    }
  }

  /** A URL as Go's {@code url.Parse} would take it; empty means none. */
  public static final class Url implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isEmpty()) {
        return value;
      }
      try {
        new URI(value);
        return value;
      } catch (URISyntaxException e) {
        throw new TypeConversionException("\"" + value + "\" is not a URL: " + e.getReason());
      }
    }
  }

  /** {@code debug}, {@code info}, {@code warn} or {@code error}. */
  public static final class LogLevel implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        Logging.parseLevel(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
      return value.toLowerCase(Locale.ROOT);
    }
  }

  /** {@code logfmt} or {@code json}. */
  public static final class LogFormat implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        Logging.Format.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
      return value;
    }
  }
}
