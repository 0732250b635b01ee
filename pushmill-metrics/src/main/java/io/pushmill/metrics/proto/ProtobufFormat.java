package io.pushmill.metrics.proto;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.prometheus.client.Metrics;
import io.pushmill.metrics.MetricFamily;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes length-delimited {@code io.prometheus.client.MetricFamily} messages, the
 * protobuf exposition format, converting to and from the model.
 */
public final class ProtobufFormat {
  /** The Content-Type of delimited protobuf, as upstream sends it. */
  public static final String CONTENT_TYPE =
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
          + " encoding=delimited";

  /**
   * Upstream's (Go's {@code io.ErrUnexpectedEOF}) text for a stream that stops inside a message.
   */
  static final String UNEXPECTED_EOF = "unexpected EOF";

  // Java arrays, and protobuf messages, stop short of 2 GiB.
  private static final long MAX_MESSAGE_SIZE = Integer.MAX_VALUE - 8;

  private ProtobufFormat() {}

  /**
   * Reads messages until a clean end of stream. A later family with the same name replaces an
   * earlier one, as upstream does. The returned map is unmodifiable and keeps the order in which
   * names first appeared. An empty stream gives an empty map.
   *
   * @throws ProtobufParseException for a truncated or malformed stream ({@code unexpected EOF} when
   *     the stream stops inside a length prefix or a message)
   */
  public static Map<String, MetricFamily> read(InputStream in)
      throws IOException, ProtobufParseException {
    Map<String, MetricFamily> families = new LinkedHashMap<>();
    for (int index = 1; ; index++) {
      int first = in.read();
      if (first < 0) {
        return Collections.unmodifiableMap(families);
      }
      long size = readLength(in, first, index);
      MetricFamily family = fromProto(parse(readMessage(in, size, index), index));
      families.put(family.name(), family);
    }
  }

  /** Writes the families as length-delimited messages, in the given order. */
  public static void write(OutputStream out, Iterable<MetricFamily> families) throws IOException {
    CodedOutputStream coded = CodedOutputStream.newInstance(out);
    for (MetricFamily family : families) {
      Metrics.MetricFamily message = toProto(family);
      coded.writeUInt32NoTag(message.getSerializedSize());
      message.writeTo(coded);
    }
    coded.flush();
  }

  /**
   * The family as a protobuf message. Labels are written in the model's sorted order; which unset
   * fields are written as zero is described on {@link ProtoHistograms} and {@link ModelToProto}.
   */
  public static Metrics.MetricFamily toProto(MetricFamily family) {
    return ModelToProto.family(family);
  }

  /**
   * The message as a model family. Of several value fields in one metric, the one matching the
   * family type wins, else the first of gauge, counter, summary, untyped, histogram.
   *
   * @throws ProtobufParseException when a name or label is not valid UTF-8 or a timestamp does not
   *     fit an {@link java.time.Instant}
   */
  public static MetricFamily fromProto(Metrics.MetricFamily message) throws ProtobufParseException {
    return ProtoToModel.family(message);
  }

  /** The length prefix, an unsigned varint (so possibly negative as a long) starting with first. */
  private static long readLength(InputStream in, int first, int index)
      throws IOException, ProtobufParseException {
    long value = 0;
    int b = first;
    for (int shift = 0; shift < 64; shift += 7) {
      if (shift > 0) {
        b = in.read();
      }
      if (b < 0) {
        throw new ProtobufParseException(UNEXPECTED_EOF);
      }
      if (shift == 63 && b > 1) {
        break;
      }
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new ProtobufParseException("length prefix of message " + index + " overflows 64 bits");
  }

  private static byte[] readMessage(InputStream in, long size, int index)
      throws IOException, ProtobufParseException {
    if (Long.compareUnsigned(size, MAX_MESSAGE_SIZE) > 0) {
      // Say "unexpected EOF" like upstream when the body is shorter than the prefix claims.
      if (endsWithin(in, size)) {
        throw new ProtobufParseException(UNEXPECTED_EOF);
      }
      throw new ProtobufParseException(
          "message " + index + " is " + Long.toUnsignedString(size) + " bytes, over 2 GiB");
    }
    byte[] bytes = in.readNBytes((int) size);
    if (bytes.length < size) {
      throw new ProtobufParseException(UNEXPECTED_EOF);
    }
    return bytes;
  }

  /** Reads past up to {@code size} (unsigned) bytes: true when the stream ended before that. */
  private static boolean endsWithin(InputStream in, long size) throws IOException {
    byte[] buffer = new byte[8192];
    long left = size;
    while (left != 0) {
      long chunk = Long.compareUnsigned(left, buffer.length) < 0 ? left : buffer.length;
      int n = in.read(buffer, 0, (int) chunk);
      if (n < 0) {
        return true;
      }
      left -= n;
    }
    return false;
  }

  private static Metrics.MetricFamily parse(byte[] bytes, int index) throws ProtobufParseException {
    try {
      return Metrics.MetricFamily.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new ProtobufParseException(
          "message " + index + " is not a valid MetricFamily: " + e.getMessage(), e);
    }
  }
}
