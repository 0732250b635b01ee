package io.pushmill.server.runner;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A positive duration in Go's syntax, as the gateway's flags take them: {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 1h30m}, {@code 168h}. Picocli prefixes the message with the flag's name.
 */
public final class DurationFlag implements ITypeConverter<Duration> {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    Duration d = parse(value);
    if (d.isZero() || d.isNegative()) {
      throw new TypeConversionException("\"" + value + "\" is not a positive duration");
    }
    return d;
  }

  static Duration parse(String value) {
    if (!value.matches("(" + PART.pattern() + ")+")) {
      throw new TypeConversionException("\"" + value
          + "\" is not a duration such as 500ms, 30s, 5m or 1h30m");
    }
    long nanos = 0;
    Matcher m = PART.matcher(value);
    while (m.find()) {
      double n = Double.parseDouble(m.group(1));
      nanos += (long) (n * switch (m.group(2)) {
        case "ns" -> 1L;
        case "us", "µs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      });
    }
    return Duration.ofNanos(nanos);
  }
}
