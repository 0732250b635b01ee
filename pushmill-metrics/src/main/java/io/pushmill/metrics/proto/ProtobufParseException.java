package io.pushmill.metrics.proto;

/** A push body that is not a stream of length-delimited {@code MetricFamily} messages. */
public final class ProtobufParseException extends Exception {
  public ProtobufParseException(String message) {
    super(message);
  }

  public ProtobufParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
