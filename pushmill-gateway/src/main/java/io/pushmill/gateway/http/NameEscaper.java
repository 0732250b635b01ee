package io.pushmill.gateway.http;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.text.NameValidation;
import java.util.ArrayList;
import java.util.List;

/**
 * Escapes metric and label names that are not legacy-valid, as prometheus/common's {@code
 * EscapeMetricFamily} does before encoding a scrape: only names that need it are touched, and label
 * names are tested with the metric-name rule (so {@code a:b} passes), as upstream does.
 */
final class NameEscaper {
  private NameEscaper() {}

  static MetricFamily escape(MetricFamily f, EscapingScheme scheme) {
    if (scheme == EscapingScheme.ALLOW_UTF8) {
      return f;
    }
    String name = NameValidation.isLegacyMetricName(f.name()) ? f.name() : escapeName(f.name(), scheme);
    List<Metric> metrics = new ArrayList<>(f.metrics().size());
    boolean changed = !name.equals(f.name());
    for (Metric m : f.metrics()) {
      Labels labels = escapeLabels(m.labels(), scheme);
      changed |= labels != m.labels();
      metrics.add(labels == m.labels() ? m : m.withLabels(labels));
    }
    return changed ? new MetricFamily(name, f.help(), f.type(), f.unit(), metrics) : f;
  }

  private static Labels escapeLabels(Labels labels, EscapingScheme scheme) {
    boolean needed = false;
    for (int i = 0; i < labels.size() && !needed; i++) {
      needed = !NameValidation.isLegacyMetricName(labels.name(i));
    }
    if (!needed) {
      return labels;
    }
    List<String> names = new ArrayList<>(labels.size());
    List<String> values = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      String n = labels.name(i);
      names.add(NameValidation.isLegacyMetricName(n) ? n : escapeName(n, scheme));
      values.add(labels.value(i));
    }
    return Labels.of(names, values);
  }

  /** prometheus/common's {@code EscapeName}. */
  static String escapeName(String name, EscapingScheme scheme) {
    if (name.isEmpty()) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name.length() + 8);
    if (scheme == EscapingScheme.VALUES) {
      sb.append("U__");
    }
    int byteIndex = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      boolean validChar = isLegacyRune(cp, byteIndex);
      switch (scheme) {
        case UNDERSCORES -> sb.appendCodePoint(validChar ? cp : '_');
        case DOTS -> {
          if (cp == '_') {
            sb.append("__");
          } else if (cp == '.') {
            sb.append("_dot_");
          } else {
            sb.append(validChar ? Character.toString(cp) : "__");
          }
        }
        case VALUES -> {
          if (cp == '_') {
            sb.append("__");
          } else if (validChar) {
            sb.appendCodePoint(cp);
          } else {
            boolean surrogate = Character.isSurrogate(name.charAt(i)) && Character.charCount(cp) == 1;
            sb.append('_').append(surrogate ? "FFFD" : Integer.toHexString(cp)).append('_');
          }
        }
        case ALLOW_UTF8 -> sb.appendCodePoint(cp);
      }
      byteIndex += Character.toString(cp).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  // Go ranges over the string by byte offset, so "digit not first" means "not at byte 0".
  private static boolean isLegacyRune(int c, int byteIndex) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || c == ':'
        || (c >= '0' && c <= '9' && byteIndex > 0);
  }
}
