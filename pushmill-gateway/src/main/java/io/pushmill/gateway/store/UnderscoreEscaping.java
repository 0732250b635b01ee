package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.text.NameValidation;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's default name escaping for scrapes ({@code escaping=underscores}, {@code
 * model.EscapeName}): a metric or label name that is not a legacy metric name gets every
 * character outside {@code [a-zA-Z0-9_:]} (and a leading digit) replaced by {@code _}.
 *
 * <p>A private stand-in until the text module offers {@code NameEscaping}. One difference from
 * Go: escaped label names are sorted again, where Go keeps their original order (visible only
 * when escaping changes the order, e.g. {@code a.z} before {@code a_b}).
 */
final class UnderscoreEscaping {
  private UnderscoreEscaping() {}

  static String name(String name) {
    if (name.isEmpty() || NameValidation.isLegacyMetricName(name)) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name.length());
    int byteIndex = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      boolean valid =
          (cp >= 'a' && cp <= 'z')
              || (cp >= 'A' && cp <= 'Z')
              || cp == '_'
              || cp == ':'
              || (cp >= '0' && cp <= '9' && byteIndex > 0);
      sb.append(valid ? (char) cp : '_');
      byteIndex += Character.isSurrogate((char) cp) ? 1 : utf8Width(cp);
    }
    return sb.toString();
  }

  /** True when some name of this series would be written differently when escaped. */
  static boolean needed(String familyName, Labels labels) {
    if (!NameValidation.isLegacyMetricName(familyName)) {
      return true;
    }
    for (int i = 0; i < labels.size(); i++) {
      if (!NameValidation.isLegacyMetricName(labels.name(i))) {
        return true;
      }
    }
    return false;
  }

  /** The metric with its label names escaped. */
  static Metric labels(Metric m) {
    Labels labels = m.labels();
    boolean any = false;
    for (int i = 0; i < labels.size() && !any; i++) {
      any = !NameValidation.isLegacyMetricName(labels.name(i));
    }
    if (!any) {
      return m;
    }
    List<String> n = new ArrayList<>(labels.size());
    List<String> v = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      n.add(name(labels.name(i)));
      v.add(labels.value(i));
    }
    return m.withLabels(Labels.of(n, v));
  }

  private static int utf8Width(int cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
}
