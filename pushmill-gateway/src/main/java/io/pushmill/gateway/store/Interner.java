package io.pushmill.gateway.store;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out one shared {@code String} per label name or short label value, so that 100,000 stored
 * series do not hold 100,000 copies of {@code "instance"} or {@code "GET"}. Bounded, so that
 * pushes with ever new values cannot grow it without limit: past the bound, strings are returned
 * as they come (about 5 MB at most).
 */
final class Interner {
  private static final int MAX_ENTRIES = 65_536;
  private static final int MAX_LENGTH = 128;

  private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

  String intern(String s) {
    String shared = strings.get(s);
    if (shared != null) {
      return shared;
    }
    if (s.length() > MAX_LENGTH || strings.size() >= MAX_ENTRIES) {
      return s;
    }
    shared = strings.putIfAbsent(s, s);
    return shared == null ? s : shared;
  }
}
