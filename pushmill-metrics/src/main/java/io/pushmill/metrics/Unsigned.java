package io.pushmill.metrics;

/** Helpers for the unsigned 64-bit counts of {@code metrics.proto}, which Java holds in a long. */
public final class Unsigned {
  private Unsigned() {}

  /** The unsigned value of {@code v} as a double, as Go's {@code float64(uint64)} gives it. */
  public static double toDouble(long v) {
    if (v >= 0) {
      return v;
    }
    // The top bit is set: halve (keeping the low bit for rounding), convert, double.
    return ((v >>> 1) | (v & 1)) * 2.0;
  }

  /**
   * Go's {@code uint64(f)} for a float read from text, which wraps negative values: {@code -3}
   * becomes 2^64 - 3. Values beyond the range saturate, as amd64 does for NaN and overflow.
   */
  public static long fromDouble(double f) {
    if (Double.isNaN(f)) {
      return Long.MIN_VALUE;
    }
    if (f >= 0x1p63) {
      return f >= 0x1p64 ? Long.MIN_VALUE : (long) (f - 0x1p63) + Long.MIN_VALUE;
    }
    return (long) f;
  }
}
