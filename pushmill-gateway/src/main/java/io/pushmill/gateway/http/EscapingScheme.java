package io.pushmill.gateway.http;

import java.util.Optional;

/**
 * How a scrape writes names that are not legacy-valid, chosen by the {@code escaping} parameter of
 * {@code Accept} (prometheus/common's {@code model.EscapingScheme}); {@link #UNDERSCORES} by
 * default.
 */
public enum EscapingScheme {
  /** Names as they are, quoted in the text format when needed. */
  ALLOW_UTF8("allow-utf-8"),
  /** Every invalid character becomes {@code _}. */
  UNDERSCORES("underscores"),
  /** {@code .} becomes {@code _dot_}, {@code _} becomes {@code __}, others {@code __}. */
  DOTS("dots"),
  /** {@code U__} then {@code _<hex>_} per invalid character and {@code __} per underscore. */
  VALUES("values");

  private final String parameter;

  EscapingScheme(String parameter) {
    this.parameter = parameter;
  }

  /** The value of the {@code escaping} parameter. */
  public String parameter() {
    return parameter;
  }

  /** The scheme a parameter value names; unknown values are ignored by upstream. */
  public static Optional<EscapingScheme> fromParameter(String value) {
    for (EscapingScheme s : values()) {
      if (s.parameter.equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
