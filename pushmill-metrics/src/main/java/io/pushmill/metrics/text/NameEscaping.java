package io.pushmill.metrics.text;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Upstream HEAD's escaping of metric and label names that are not legacy-valid, as {@code
 * model.EscapeName}, {@code model.EscapeMetricFamily} and {@code model.UnescapeName}
 * (prometheus/common v0.69) do it. A scrape at HEAD escapes with {@link Scheme#UNDERSCORES} unless
 * the {@code Accept} header asks for another {@code escaping=} scheme.
 */
public final class NameEscaping {
  private static final String METRIC_NAME_LABEL = "__name__";

  /** The escaping schemes, named as in the {@code escaping=} parameter of a content type. */
  public enum Scheme {
    /** No escaping: names are written quoted where needed. */
    ALLOW_UTF8("allow-utf-8"),
    /** Every character that is not legacy-valid becomes {@code _}; the default. */
    UNDERSCORES("underscores"),
    /** {@code .} becomes {@code _dot_}, {@code _} becomes {@code __}, others {@code __}. */
    DOTS("dots"),
    /** {@code U__} prefix, {@code _} doubled, others as {@code _<hex code point>_}. */
    VALUES("values");

    private final String parameter;

    Scheme(String parameter) {
      this.parameter = parameter;
    }

    /** The value of the {@code escaping=} parameter that names this scheme. */
    public String parameter() {
      return parameter;
    }

    /** The scheme an {@code escaping=} parameter names (exact, as upstream compares it). */
    public static Optional<Scheme> fromParameter(String value) {
      for (Scheme s : values()) {
        if (s.parameter.equals(value)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  private NameEscaping() {}

  /** {@code model.EscapeName(name, UnderscoreEscaping)}. */
  public static String escapeName(String name) {
    return escapeName(name, Scheme.UNDERSCORES);
  }

  /**
   * {@code model.EscapeName}: the name escaped by {@code scheme}. Legacy-valid names are returned
   * unchanged except by {@link Scheme#DOTS}, which doubles their underscores.
   */
  public static String escapeName(String name, Scheme scheme) {
    if (name.isEmpty()
        || scheme == Scheme.ALLOW_UTF8
        || (scheme != Scheme.DOTS && NameValidation.isLegacyMetricName(name))) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name.length() + 8);
    if (scheme == Scheme.VALUES) {
      sb.append("U__");
    }
    int first = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      appendEscaped(sb, cp, i == first, scheme);
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static void appendEscaped(StringBuilder sb, int cp, boolean first, Scheme scheme) {
    boolean valid = isLegacyRune(cp, first);
    switch (scheme) {
      case UNDERSCORES -> sb.appendCodePoint(valid ? cp : '_');
      case DOTS -> {
        if (cp == '_') {
          sb.append("__");
        } else if (cp == '.') {
          sb.append("_dot_");
        } else if (valid) {
          sb.appendCodePoint(cp);
        } else {
          sb.append("__");
        }
      }
      case VALUES -> {
        if (cp == '_') {
          sb.append("__");
        } else if (valid) {
          sb.appendCodePoint(cp);
        } else if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
          sb.append("_FFFD_"); // a lone surrogate is no valid rune
        } else {
          sb.append('_').append(Integer.toHexString(cp)).append('_');
        }
      }
      case ALLOW_UTF8 -> sb.appendCodePoint(cp);
    }
  }

  private static boolean isLegacyRune(int c, boolean first) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || c == ':'
        || (!first && c >= '0' && c <= '9');
  }

  /** {@code model.EscapeMetricFamily(f, UnderscoreEscaping)}. */
  public static MetricFamily escape(MetricFamily f) {
    return escape(f, Scheme.UNDERSCORES);
  }

  /**
   * {@code model.EscapeMetricFamily}: a copy of {@code f} whose name, label names and {@code
   * __name__} label values are escaped where they are not legacy-valid (label names are checked
   * with the metric-name rules, so {@code a:b} stays). The labels of the copy are sorted again,
   * while Go keeps their order; {@link TextWriter#write(java.io.OutputStream, Iterable, Scheme)}
   * escapes while writing and keeps it.
   */
  public static MetricFamily escape(MetricFamily f, Scheme scheme) {
    if (scheme == Scheme.ALLOW_UTF8) {
      return f;
    }
    String name = escapeIfNeeded(f.name(), scheme);
    List<Metric> metrics = new ArrayList<>(f.metrics().size());
    boolean changed = !name.equals(f.name());
    for (Metric m : f.metrics()) {
      Labels labels = escapeLabels(m.labels(), scheme);
      changed |= labels != m.labels();
      metrics.add(labels == m.labels() ? m : m.withLabels(labels));
    }
    return changed ? new MetricFamily(name, f.help(), f.type(), f.unit(), metrics) : f;
  }

  /** The name unchanged when legacy-valid, else escaped; what expfmt does to names it writes. */
  static String escapeIfNeeded(String name, Scheme scheme) {
    return NameValidation.isLegacyMetricName(name) ? name : escapeName(name, scheme);
  }

  /** The value of label {@code name}, escaped when it is the metric name carried as a label. */
  static String escapeValueIfNeeded(String name, String value, Scheme scheme) {
    return name.equals(METRIC_NAME_LABEL) ? escapeIfNeeded(value, scheme) : value;
  }

  private static Labels escapeLabels(Labels labels, Scheme scheme) {
    boolean needed = false;
    for (int i = 0; i < labels.size() && !needed; i++) {
      needed =
          !NameValidation.isLegacyMetricName(labels.name(i))
              || !escapeValueIfNeeded(labels.name(i), labels.value(i), scheme)
                  .equals(labels.value(i));
    }
    if (!needed) {
      return labels;
    }
    List<String> names = new ArrayList<>(labels.size());
    List<String> values = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      names.add(escapeIfNeeded(labels.name(i), scheme));
      values.add(escapeValueIfNeeded(labels.name(i), labels.value(i), scheme));
    }
    return Labels.of(names, values);
  }

  /**
   * {@code model.UnescapeName}: undoes {@link Scheme#DOTS} and {@link Scheme#VALUES}; the others
   * cannot be undone. A {@code values} name with a malformed escape is returned as it is; so is one
   * whose escape has six hex digits, as in Go (which stops before the sixth).
   */
  public static String unescapeName(String name, Scheme scheme) {
    return switch (scheme) {
      case ALLOW_UTF8, UNDERSCORES -> name;
      case DOTS -> name.replace("_dot_", ".").replace("__", "_");
      case VALUES -> unescapeValues(name);
    };
  }

  private static String unescapeValues(String name) {
    if (!name.startsWith("U__")) {
      return name;
    }
    String s = name.substring(3);
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c != '_') {
        out.append(c);
        continue;
      }
      if (i >= s.length()) {
        return name;
      }
      if (s.charAt(i) == '_') {
        out.append('_');
        i++;
        continue;
      }
      int end = s.indexOf('_', i);
      if (end < 0 || end - i > 5) {
        // No closing underscore, or six or more digits: Go gives up before reading a sixth, so
        // the code points from U+100000 that EscapeName writes with six digits do not come back.
        return name;
      }
      int cp = parseHex(s, i, end);
      if (cp < 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return name;
      }
      out.appendCodePoint(cp);
      i = end + 1;
    }
    return out.toString();
  }

  // Hex digits as Go's lower() reads them (c | 0x20), or -1. An empty run is 0, as in Go.
  private static int parseHex(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return -1;
      }
      char r = (char) (c | 0x20);
      int d = r >= '0' && r <= '9' ? r - '0' : r >= 'a' && r <= 'f' ? r - 'a' + 10 : -1;
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }
}
