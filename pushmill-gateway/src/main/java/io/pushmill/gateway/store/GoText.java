package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.text.GoFloat;
import io.pushmill.metrics.text.GoQuote;

/**
 * The pieces of Go formatting that upstream's consistency errors contain: {@code %q} of a string
 * and {@code %s} of a {@code dto.Metric} in the compact text form client_golang 1.14 printed
 * ({@code label:<name:"job" value:"a" > gauge:<value:1 > }). Only the status code is a contract,
 * but the same wording helps people who search for upstream's messages.
 *
 * <p>Strings that came from invalid UTF-8 carry each bad byte as a lone surrogate U+DC80..U+DCFF
 * (the "surrogateescape" convention); such a char is printed as that byte.
 */
final class GoText {
  private GoText() {}

  /** Go's {@code %q} (and {@code %#v}) of a string. */
  static String quote(String s) {
    return GoQuote.quote(s);
  }

  /** {@code "name" { <dto> }}: how client_golang names a metric in its errors. */
  static String metric(String familyName, Metric m) {
    StringBuilder sb = new StringBuilder(64);
    sb.append(quote(familyName)).append(" { ");
    appendDto(sb, m.labels(), m.value());
    return sb.append('}').toString();
  }

  /** The compact text form of a {@code dto.Metric}, fields in declaration order. */
  static void appendDto(StringBuilder sb, Labels labels, MetricValue value) {
    for (int i = 0; i < labels.size(); i++) {
      sb.append("label:<name:");
      appendProtoString(sb, labels.name(i));
      sb.append(" value:");
      appendProtoString(sb, labels.value(i));
      sb.append(" > ");
    }
    switch (value) {
      case MetricValue.Gauge g -> sb.append("gauge:<value:").append(num(g.value())).append(" > ");
      case MetricValue.Counter c ->
          sb.append("counter:<value:").append(num(c.value())).append(" > ");
      case MetricValue.Untyped u ->
          sb.append("untyped:<value:").append(num(u.value())).append(" > ");
      case MetricValue.Summary s -> appendSummary(sb, s);
      case MetricValue.Histogram h -> appendHistogram(sb, h);
      case MetricValue.Missing x -> {
        // A metric without any value field prints only its labels.
      }
    }
  }

  private static void appendSummary(StringBuilder sb, MetricValue.Summary s) {
    sb.append("summary:<sample_count:").append(Long.toUnsignedString(s.count()));
    sb.append(" sample_sum:").append(num(s.sum())).append(' ');
    for (MetricValue.Quantile q : s.quantiles()) {
      sb.append("quantile:<quantile:").append(num(q.quantile()));
      sb.append(" value:").append(num(q.value())).append(" > ");
    }
    sb.append("> ");
  }

  private static void appendHistogram(StringBuilder sb, MetricValue.Histogram h) {
    sb.append("histogram:<");
    if (h.isFloat()) {
      sb.append("sample_count_float:").append(num(h.countFloat()));
    } else {
      sb.append("sample_count:").append(Long.toUnsignedString(h.count()));
    }
    sb.append(" sample_sum:").append(num(h.sum())).append(' ');
    for (MetricValue.Bucket b : h.buckets()) {
      sb.append("bucket:<");
      if (b.cumulativeCountFloat() > 0) {
        sb.append("cumulative_count_float:").append(num(b.cumulativeCountFloat()));
      } else {
        sb.append("cumulative_count:").append(Long.toUnsignedString(b.cumulativeCount()));
      }
      sb.append(" upper_bound:").append(num(b.upperBound())).append(" > ");
    }
    sb.append("> ");
  }

  // The old protobuf text format prints infinities and NaN in lower case.
  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return GoFloat.formatG(v);
  }

  // Byte-wise, as golang/protobuf's text writer: printable ASCII as is, the rest in octal.
  private static void appendProtoString(StringBuilder sb, String s) {
    sb.append('"');
    for (byte b : GoQuote.goBytes(s)) {
      appendProtoByte(sb, b & 0xFF);
    }
    sb.append('"');
  }

  private static void appendProtoByte(StringBuilder sb, int c) {
    switch (c) {
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case '"' -> sb.append("\\\"");
      case '\\' -> sb.append("\\\\");
      default -> {
        if (c >= 0x20 && c < 0x7f) {
          sb.append((char) c);
        } else {
          sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)));
          sb.append((char) ('0' + (c & 7)));
        }
      }
    }
  }
}
