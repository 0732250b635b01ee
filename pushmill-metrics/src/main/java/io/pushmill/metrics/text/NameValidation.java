package io.pushmill.metrics.text;

/** The legacy Prometheus name rules, as {@code model.LegacyValidation} states them. */
public final class NameValidation {
  private NameValidation() {}

  /** {@code ^[a-zA-Z_:][a-zA-Z0-9_:]*$}. */
  public static boolean isLegacyMetricName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || c == '_'
              || c == ':'
              || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code ^[a-zA-Z_][a-zA-Z0-9_]*$}. */
  public static boolean isLegacyLabelName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || c == '_'
              || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@link #isLegacyMetricName(String)} for the UTF-8 bytes {@code b[off, off+len)}. */
  static boolean isLegacyMetricName(byte[] b, int off, int len) {
    return isLegacy(b, off, len, true);
  }

  /** {@link #isLegacyLabelName(String)} for the UTF-8 bytes {@code b[off, off+len)}. */
  static boolean isLegacyLabelName(byte[] b, int off, int len) {
    return isLegacy(b, off, len, false);
  }

  private static boolean isLegacy(byte[] b, int off, int len, boolean colon) {
    if (len == 0) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      int c = b[off + i];
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || c == '_'
              || (colon && c == ':')
              || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
