package io.pushmill.metrics;

import java.util.Comparator;

/**
 * Compares strings in the order of their UTF-8 bytes, which is the order Go uses and therefore the
 * order of upstream's scrape output. Java's {@link String#compareTo} compares UTF-16 units, which
 * differs for characters above U+E000 against supplementary characters.
 */
public final class Utf8Order {
  /** The comparator form of {@link #compare}. */
  public static final Comparator<String> COMPARATOR = Utf8Order::compare;

  private Utf8Order() {}

  /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        return fixup(ca) - fixup(cb);
      }
    }
    return a.length() - b.length();
  }

  // Surrogates (0xD800-0xDFFF) encode code points above 0xFFFF, so they must sort after 0xE000-0xFFFF.
  private static int fixup(char c) {
    if (c >= 0xD800 && c <= 0xDFFF) {
      return c + 0x2000;
    }
    if (c >= 0xE000) {
      return c - 0x800;
    }
    return c;
  }
}
