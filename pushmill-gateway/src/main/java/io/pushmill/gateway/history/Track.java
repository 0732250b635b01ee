package io.pushmill.gateway.history;

/**
 * The history of one series: its ring of entries and the TTL of its group at the last push (0 for
 * none), from which the instant view decides how long a sample stays fresh.
 */
final class Track {
  private final SeriesKey key;
  private final long keyBytes;
  private final SeriesRing ring = new SeriesRing();
  private long ttlMs;

  Track(SeriesKey key) {
    this.key = key;
    this.keyBytes = key.bytes();
  }

  SeriesKey key() {
    return key;
  }

  SeriesRing ring() {
    return ring;
  }

  long ttlMs() {
    return ttlMs;
  }

  void ttlMs(long ttl) {
    this.ttlMs = ttl;
  }

  /** What the key and the maps holding it cost, roughly. */
  long keyBytes() {
    return keyBytes;
  }

  /** What this series costs in memory, roughly. */
  long bytes() {
    return keyBytes + ring.bytes();
  }
}
