package io.pushmill.gateway.store;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out one shared {@code String} per label name, so that 100,000 stored series do not hold
 * 100,000 copies of {@code "instance"}. Bounded, so that hostile pushes with random names cannot
 * grow it without limit: past the bound, strings are returned as they come.
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
