package io.pushmill.server.runner;

import io.pushmill.gateway.http.gocompat.GoDuration;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A positive duration in Go's syntax, as the gateway's flags take them: {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 1h30m}, {@code 168h}. Picocli prefixes the message with the flag's name.
 */
public final class DurationFlag implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    Duration d;
    try {
      d = GoDuration.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
    if (d.isZero() || d.isNegative()) {
      throw new TypeConversionException("\"" + value + "\" is not a positive duration");
    }
    return d;
  }
}
