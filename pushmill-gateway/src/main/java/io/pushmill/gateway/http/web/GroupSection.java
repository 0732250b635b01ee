package io.pushmill.gateway.http.web;

import static io.pushmill.gateway.http.gocompat.GoHtml.escape;

import io.pushmill.gateway.http.api.ExpiryFields;
import io.pushmill.gateway.http.api.NativeBuckets;
import io.pushmill.metrics.text.GoQuote;
import io.pushmill.gateway.http.gocompat.GoTime;
import io.pushmill.gateway.store.GroupExpiry;
import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.StoredFamily;
import io.pushmill.gateway.store.TtlSource;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricValue;
import io.pushmill.metrics.text.GoFloat;
import io.pushmill.metrics.text.NameValidation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/** One collapsible section per group, and inside it one per family with a table of its series. */
final class GroupSection {
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private GroupSection() {}

  static void appendAll(StringBuilder sb, List<GroupSnapshot> groups) {
    List<GroupSnapshot> sorted = new ArrayList<>(groups);
    sorted.sort(
        Comparator.comparing((GroupSnapshot g) -> g.key().job())
            .thenComparing(g -> g.key().labels().toString()));
    for (GroupSnapshot g : sorted) {
      append(sb, g);
    }
  }

  private static void append(StringBuilder sb, GroupSnapshot g) {
    sb.append("<details class=\"group\" data-key=\"")
        .append(escape(g.key().toString()))
        .append("\">\n<summary>");
    Labels labels = g.key().labels();
    badge(sb, "job", labels.get("job").orElseThrow());
    for (int i = 0; i < labels.size(); i++) {
      if (!labels.name(i).equals("job")) {
        badge(sb, labels.name(i), labels.value(i));
      }
    }
    if (!g.lastPushSuccessful()) {
      sb.append(" <span class=\"badge failed\" role=\"alert\">Last push failed!</span>");
    }
    g.lastPushTime()
        .ifPresent(
            t ->
                sb.append(" <span class=\"when\">last push: ")
                    .append(GoTime.rfc3339(t))
                    .append("</span>"));
    appendExpiry(sb, g.expiry());
    sb.append(" <button class=\"danger delete-group\" data-path=\"")
        .append(escape(deletePath(labels)))
        .append("\" data-group=\"")
        .append(escape(g.key().toString()))
        .append("\">Delete Group</button></summary>\n");
    g.families().forEach((name, family) -> appendFamily(sb, name, family));
    sb.append("</details>\n");
  }

  /** The TTL and expiry time of a group that has expiry information (an extension). */
  static void appendExpiry(StringBuilder sb, GroupExpiry e) {
    if (e.source() == TtlSource.NONE) {
      return;
    }
    String ttl = ExpiryFields.ttl(e.ttl().orElse(Duration.ZERO));
    sb.append(" <span class=\"when expiry\" title=\"TTL ")
        .append(escape(ttl))
        .append(" from the ")
        .append(e.source().label())
        .append(", counting from ")
        .append(GoTime.rfc3339(e.since()))
        .append("\">");
    if (e.expiresAt().isPresent()) {
      sb.append("TTL ")
          .append(escape(ttl))
          .append(", expires: ")
          .append(GoTime.rfc3339(e.expiresAt().get()));
    } else {
      sb.append("never expires");
    }
    sb.append("</span>");
  }

  /** Upstream's UI path: the job and every value in base64, values always padded with '='. */
  static String deletePath(Labels labels) {
    StringBuilder path =
        new StringBuilder("metrics/job@base64/").append(base64(labels.get("job").orElseThrow()));
    for (int i = 0; i < labels.size(); i++) {
      if (!labels.name(i).equals("job")) {
        path.append('/')
            .append(percentEncode(labels.name(i) + "@base64"))
            .append('/')
            .append(base64(labels.value(i)))
            .append('=');
      }
    }
    return path.toString();
  }

  private static String base64(String s) {
    return BASE64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String percentEncode(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-_.!~*'()".indexOf(c) >= 0) {
        sb.append(c);
      } else {
        sb.append('%').append(String.format("%02X", (int) c));
      }
    }
    return sb.toString();
  }

  private static void badge(StringBuilder sb, String name, String value) {
    String kind = name.equals("job") ? "job" : name.equals("instance") ? "instance" : "label";
    sb.append("<span class=\"badge ")
        .append(kind)
        .append("\">")
        .append(escape(labelName(name)))
        .append("=\"")
        .append(escape(value))
        .append("\"</span>");
  }

  /** Names that are not legacy-valid are shown quoted, as upstream ≥1.11 does. */
  private static String labelName(String name) {
    return NameValidation.isLegacyLabelName(name) ? name : GoQuote.quote(name);
  }

  private static void appendFamily(StringBuilder sb, String name, StoredFamily stored) {
    sb.append("<details class=\"family\"><summary><span class=\"name\">")
        .append(escape(name))
        .append("</span>");
    stored
        .family()
        .help()
        .ifPresent(
            h -> sb.append(" <span class=\"badge help\">").append(escape(h)).append("</span>"));
    sb.append(" <span class=\"badge type\">")
        .append(stored.family().type().name())
        .append("</span> <span class=\"when\">last pushed: ")
        .append(GoTime.rfc3339(stored.timestamp()))
        .append("</span></summary>\n")
        .append("<table class=\"series\"><thead><tr><th>Labels</th><th>Value</th></tr></thead>")
        .append("<tbody>\n");
    for (Metric m : stored.family().metrics()) {
      sb.append("<tr><td>");
      for (int i = 0; i < m.labels().size(); i++) {
        badge(sb, m.labels().name(i), m.labels().value(i));
      }
      sb.append("</td><td>");
      appendValue(sb, m.value());
      sb.append("</td></tr>\n");
    }
    sb.append("</tbody></table></details>\n");
  }

  private static void appendValue(StringBuilder sb, MetricValue v) {
    switch (v) {
      case MetricValue.Gauge g -> sb.append(plain(g.value()));
      case MetricValue.Counter c -> sb.append(plain(c.value()));
      case MetricValue.Untyped u -> sb.append(plain(u.value()));
      case MetricValue.Summary s -> {
        List<String[]> rows = new ArrayList<>();
        for (MetricValue.Quantile q : s.quantiles()) {
          rows.add(new String[] {"Quantile " + GoFloat.formatG(q.quantile()), plain(q.value())});
        }
        rows.add(new String[] {"Sample Count", Long.toUnsignedString(s.count())});
        rows.add(new String[] {"Sample Sum", plain(s.sum())});
        innerTable(sb, rows);
      }
      case MetricValue.Histogram h -> innerTable(sb, histogramRows(h));
      case MetricValue.Missing x -> sb.append("(no value)");
    }
  }

  private static List<String[]> histogramRows(MetricValue.Histogram h) {
    List<String[]> rows = new ArrayList<>();
    if (NativeBuckets.isNative(h)) {
      rows.add(new String[] {"Native Histogram representation", nativeText(h)});
    }
    for (MetricValue.Bucket b : h.buckets()) {
      rows.add(
          new String[] {
            "Sample values \u2264 " + plain(b.upperBound()),
            b.cumulativeCountFloat() > 0
                ? plain(b.cumulativeCountFloat())
                : Long.toUnsignedString(b.cumulativeCount())
          });
    }
    rows.add(new String[] {"Total sample Count", plain(h.effectiveCount())});
    rows.add(new String[] {"Sample Sum", plain(h.sum())});
    return rows;
  }

  private static String nativeText(MetricValue.Histogram h) {
    StringBuilder sb =
        new StringBuilder("{count:")
            .append(
                NativeBuckets.isFloat(h)
                    ? GoFloat.formatG(h.countFloat())
                    : Long.toUnsignedString(h.count()))
            .append(", sum:")
            .append(GoFloat.formatG(h.sum()));
    String[] open = {"(", "[", "(", "["};
    String[] close = {"]", ")", ")", "]"};
    for (List<Object> b : NativeBuckets.buckets(h)) {
      int rule = (Integer) b.get(0);
      sb.append(", ")
          .append(open[rule])
          .append(b.get(1))
          .append(',')
          .append(b.get(2))
          .append(close[rule])
          .append(':')
          .append(b.get(3));
    }
    return sb.append('}').toString();
  }

  private static void innerTable(StringBuilder sb, List<String[]> rows) {
    sb.append("<table class=\"inner\">");
    for (String[] r : rows) {
      sb.append("<tr><th scope=\"row\">")
          .append(escape(r[0]))
          .append("</th><td>")
          .append(escape(r[1]))
          .append("</td></tr>");
    }
    sb.append("</table>");
  }

  /** Go's {@code strconv.FormatFloat(f, 'f', -1, 64)}: shortest digits, never an exponent. */
  static String plain(double f) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    if (f == 0) {
      return Double.doubleToRawLongBits(f) < 0 ? "-0" : "0";
    }
    return new BigDecimal(Double.toString(f)).stripTrailingZeros().toPlainString();
  }
}
