package io.pushmill.metrics.proto;

import static io.pushmill.metrics.proto.ClientMessages.body;
import static io.pushmill.metrics.proto.ClientMessages.family;
import static io.pushmill.metrics.proto.ClientMessages.gauge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.client.Metrics;
import io.prometheus.client.Metrics.MetricType;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The delimited stream: framing, clean and unclean ends, families with the same name. */
class ProtobufFormatTest {

  private static Map<String, MetricFamily> read(byte[] body) throws Exception {
    return ProtobufFormat.read(new ByteArrayInputStream(body));
  }

  private static final byte[] ONE = body(family("one", MetricType.GAUGE, gauge(1)));

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        row(1, bytes(0x80), "unexpected EOF"),
        row(2, bytes(0x05, 0x0a, 0x01), "unexpected EOF"),
        row(3, Arrays.copyOf(ONE, ONE.length - 1), "unexpected EOF"),
        row(4, concat(ONE, Arrays.copyOf(ONE, 3)), "unexpected EOF"),
        row(5, "blablabla\n".getBytes(StandardCharsets.US_ASCII), "unexpected EOF"),
        row(6, bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), "unexpected EOF"),
        row(
            7,
            bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
            "length prefix of message 1 overflows 64 bits"),
        row(
            12,
            concat(ONE, bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02)),
            "length prefix of message 2 overflows 64 bits"),
        row(
            8,
            bytes(0x02, 0x00, 0x00),
            "message 1 is not a valid MetricFamily: Protocol message contained an invalid tag"
                + " (zero)."),
        row(
            9,
            concat(ONE, bytes(0x01, 0x0f)),
            "message 2 is not a valid MetricFamily: Protocol message tag had invalid wire type."),
        row(
            10,
            bytes(0x03, 0x0a, 0x05, 'a'),
            "message 1 is not a valid MetricFamily: While parsing"
                + " a protocol message, the input ended unexpectedly in the middle of a field."
                + "  This could mean either that the input has been truncated or that an embedded"
                + " message misreported its own length."),
        row(
            11,
            bytes(0x03, 0x0a, 0x01, 0xff),
            "metric family name is not valid UTF-8: \"\uFFFD\""));
  }

  private static Arguments row(int n, byte[] body, String message) {
    return Arguments.of(n, body, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void a_truncated_or_malformed_body_is_refused_with_a_precise_message(
      int n, byte[] body, String message) {
    assertThatThrownBy(() -> read(body))
        .as("case %d", n)
        .isInstanceOf(ProtobufParseException.class)
        .hasMessage(message);
  }

  @Test
  void an_empty_body_has_no_families() throws Exception {
    assertThat(read(new byte[0])).isEmpty();
  }

  @Test
  void a_zero_length_message_is_a_family_with_no_name() throws Exception {
    Map<String, MetricFamily> families = read(bytes(0x00));
    assertThat(families).containsOnlyKeys("");
    assertThat(families.get("").metrics()).isEmpty();
  }

  @Test
  void families_come_back_in_the_order_they_were_pushed() throws Exception {
    byte[] body =
        body(
            family("zeta", MetricType.GAUGE, gauge(1)),
            family("alpha", MetricType.GAUGE, gauge(2)),
            family("mid", MetricType.GAUGE, gauge(3)));
    assertThat(read(body).keySet()).containsExactly("zeta", "alpha", "mid");
  }

  @Test
  void a_later_family_with_the_same_name_replaces_the_earlier_one() throws Exception {
    byte[] body =
        body(
            family("dup", MetricType.COUNTER, ClientMessages.counter(1, "a", "1")),
            family("other", MetricType.GAUGE, gauge(2)),
            family("dup", MetricType.GAUGE, gauge(3, "b", "2")));
    Map<String, MetricFamily> families = read(body);
    assertThat(families.keySet()).containsExactly("dup", "other");
    MetricFamily dup = families.get("dup");
    assertThat(dup.type()).isEqualTo(io.pushmill.metrics.MetricType.GAUGE);
    assertThat(dup.metrics()).hasSize(1);
    assertThat(dup.metrics().getFirst().value()).isEqualTo(new MetricValue.Gauge(3));
  }

  @Test
  void a_huge_length_prefix_allocates_nothing_and_reads_as_unexpected_eof() {
    // 2^62 claimed, three bytes given.
    byte[] body = bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40, 1, 2, 3);
    assertThatThrownBy(() -> read(body)).hasMessage("unexpected EOF");
  }

  @Test
  void written_families_are_standard_delimited_messages() throws Exception {
    MetricFamily a = ProtobufFormat.fromProto(family("a", MetricType.GAUGE, gauge(1)));
    MetricFamily b = ProtobufFormat.fromProto(family("b", MetricType.GAUGE, gauge(2)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProtobufFormat.write(out, List.of(a, b));

    InputStream in = new ByteArrayInputStream(out.toByteArray());
    assertThat(Metrics.MetricFamily.parseDelimitedFrom(in).getName()).isEqualTo("a");
    assertThat(Metrics.MetricFamily.parseDelimitedFrom(in).getName()).isEqualTo("b");
    assertThat(Metrics.MetricFamily.parseDelimitedFrom(in)).isNull();
  }

  @Test
  void writing_nothing_writes_no_bytes() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProtobufFormat.write(out, List.of());
    assertThat(out.size()).isZero();
  }

  @Test
  void reading_stops_at_the_end_of_the_stream_it_is_given() throws Exception {
    // A stream that hands out one byte at a time, as a slow socket would.
    byte[] body = concat(ONE, ONE);
    InputStream trickle =
        new ByteArrayInputStream(body) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
          }
        };
    assertThat(ProtobufFormat.read(trickle)).containsOnlyKeys("one");
  }
}
