package io.pushmill.metrics.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns byte ranges into strings, handing out the same {@code String} for the same bytes within one
 * parse: a push repeats its label names and many values on every line, and shared strings cost
 * neither allocation nor memory in the store. Callers pass only valid UTF-8.
 */
final class StringCache {
  private static final int MAX_ENTRIES = 8192;
  private static final int MAX_LENGTH = 64;

  private byte[][] keys = new byte[256][];
  private String[] strings = new String[256];
  private int size;

  /** The string of {@code b[off, off+len)}, shared when the same bytes came before. */
  String get(byte[] b, int off, int len) {
    if (len > MAX_LENGTH) {
      return decode(b, off, len);
    }
    int mask = keys.length - 1;
    int slot = hash(b, off, len) & mask;
    byte[] k;
    while ((k = keys[slot]) != null) {
      if (k.length == len && Arrays.equals(k, 0, len, b, off, off + len)) {
        return strings[slot];
      }
      slot = (slot + 1) & mask;
    }
    String s = decode(b, off, len);
    if (size < MAX_ENTRIES) {
      keys[slot] = Arrays.copyOfRange(b, off, off + len);
      strings[slot] = s;
      if (++size * 2 > keys.length) {
        grow();
      }
    }
    return s;
  }

  /** Decodes valid UTF-8, taking the fast Latin-1 path for ASCII. */
  static String decode(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] < 0) {
        return new String(b, off, len, StandardCharsets.UTF_8);
      }
    }
    return new String(b, off, len, StandardCharsets.ISO_8859_1);
  }

  private void grow() {
    byte[][] oldKeys = keys;
    String[] oldStrings = strings;
    keys = new byte[oldKeys.length * 2][];
    strings = new String[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      byte[] k = oldKeys[i];
      if (k == null) {
        continue;
      }
      int slot = hash(k, 0, k.length) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = k;
      strings[slot] = oldStrings[i];
    }
  }

  private static int hash(byte[] b, int off, int len) {
    int h = 1;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + b[i];
    }
    h *= 0x9E3779B9; // spreads sequential names (s1, s2, ...) over the table
    return h ^ (h >>> 16);
  }
}
