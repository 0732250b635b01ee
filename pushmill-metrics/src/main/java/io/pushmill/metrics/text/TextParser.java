package io.pushmill.metrics.text;

import io.pushmill.metrics.MetricFamily;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Parses the Prometheus text format 0.0.4 exactly as {@code expfmt.TextParser} (prometheus/common
 * v0.69) does, including its error texts and line numbers.
 */
public final class TextParser {
  private TextParser() {}

  /**
   * Parses a whole push body into families by name, in the order they first appear.
   *
   * @param utf8Names accept quoted UTF-8 metric and label names ({@code --push.enable-utf8-names});
   *     when false, names must be legacy-valid.
   * @throws TextParseException with upstream's message when the body is not valid text format
   */
  public static Map<String, MetricFamily> parse(InputStream in, boolean utf8Names)
      throws IOException, TextParseException {
    throw new UnsupportedOperationException("TextParser is being written");
  }
}
