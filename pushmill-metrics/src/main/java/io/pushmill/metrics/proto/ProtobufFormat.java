package io.pushmill.metrics.proto;

import io.pushmill.metrics.MetricFamily;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Reads and writes length-delimited {@code io.prometheus.client.MetricFamily} messages, the
 * protobuf exposition format, converting to and from the model.
 */
public final class ProtobufFormat {
  /** The Content-Type of delimited protobuf, as upstream sends it. */
  public static final String CONTENT_TYPE =
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

  private ProtobufFormat() {}

  /**
   * Reads messages until a clean end of stream. A later family with the same name replaces an
   * earlier one, as upstream does.
   *
   * @throws ProtobufParseException for a truncated or malformed stream ({@code unexpected EOF})
   */
  public static Map<String, MetricFamily> read(InputStream in)
      throws IOException, ProtobufParseException {
    throw new UnsupportedOperationException("ProtobufFormat is being written");
  }

  /** Writes the families as length-delimited messages, in the given order. */
  public static void write(OutputStream out, Iterable<MetricFamily> families) throws IOException {
    throw new UnsupportedOperationException("ProtobufFormat is being written");
  }
}
