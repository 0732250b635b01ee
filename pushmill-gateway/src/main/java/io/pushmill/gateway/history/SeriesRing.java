package io.pushmill.gateway.history;

/**
 * The entries of one series, oldest first, in two parallel arrays of primitives used as a ring: a
 * time in Unix milliseconds and a value's bits. An entry is a sample, or a removal mark (the series
 * left the store then). The arrays grow by doubling up to the limit given with each add, shrink to
 * it when it went down, and the oldest entries make room beyond it. Not thread-safe: {@link
 * PushHistory} locks around it.
 */
final class SeriesRing {
  /** Array headers and fields: what a ring costs besides its 16 bytes per slot. */
  static final int OVERHEAD_BYTES = 64;

  // A NaN no sample can carry: samples are stored with doubleToLongBits, which makes every NaN
  // the canonical 0x7ff8000000000000.
  private static final long REMOVED = 0x7ff8_0000_0000_0badL;
  private static final int MIN_CAPACITY = 8;

  private long[] times = new long[0];
  private long[] values = new long[0];
  private int head;
  private int size;

  /** Adds a sample, keeping at most {@code limit} entries (the oldest go). */
  void add(long timeMs, double value, int limit) {
    append(timeMs, Double.doubleToLongBits(value), limit);
  }

  /** Marks that the series left the store at {@code timeMs}, unless it is marked already. */
  void markRemoved(long timeMs, int limit) {
    if (size == 0 || !removedAt(size - 1)) {
      append(timeMs, REMOVED, limit);
    }
  }

  private void append(long timeMs, long bits, int limit) {
    int max = Math.max(1, limit);
    while (size >= max) {
      dropOldest();
    }
    if (times.length > max) {
      resize(max); // the limit went down: give the memory back
    }
    if (size == times.length) {
      resize(Math.min(max, Math.max(MIN_CAPACITY, times.length * 2)));
    }
    int slot = (head + size) % times.length;
    times[slot] = timeMs;
    values[slot] = bits;
    size++;
  }

  /** Drops entries older than {@code cutoffMs}. */
  void dropBefore(long cutoffMs) {
    while (size > 0 && times[head] < cutoffMs) {
      dropOldest();
    }
  }

  /** Keeps only the newest {@code limit} entries, and gives back memory no longer needed. */
  void limit(int limit) {
    int max = Math.max(1, limit);
    while (size > max) {
      dropOldest();
    }
    if (times.length > MIN_CAPACITY && times.length >= 2 * Math.max(size, max)) {
      resize(Math.max(MIN_CAPACITY, Math.max(size, max)));
    }
  }

  private void dropOldest() {
    head = (head + 1) % times.length;
    size--;
  }

  private void resize(int capacity) {
    long[] t = new long[capacity];
    long[] v = new long[capacity];
    for (int i = 0; i < size; i++) {
      int slot = (head + i) % times.length;
      t[i] = times[slot];
      v[i] = values[slot];
    }
    times = t;
    values = v;
    head = 0;
  }

  int size() {
    return size;
  }

  /** The time of the i-th entry, oldest first. */
  long time(int i) {
    return times[(head + i) % times.length];
  }

  /** The value of the i-th entry, a sample. */
  double value(int i) {
    return Double.longBitsToDouble(values[(head + i) % times.length]);
  }

  /** Whether the i-th entry is a removal mark rather than a sample. */
  boolean removedAt(int i) {
    return values[(head + i) % times.length] == REMOVED;
  }

  /** Whether the newest entry is a removal mark (or there is none). */
  boolean isRemoved() {
    return size == 0 || removedAt(size - 1);
  }

  /** The memory this ring holds: its slots (used or not) plus {@link #OVERHEAD_BYTES}. */
  long bytes() {
    return OVERHEAD_BYTES + 16L * times.length;
  }
}
