package io.pushmill.server.runner;

import java.time.Duration;

/** A duration as the flags are written: {@code 5s}, {@code 1m30s}, {@code 500ms}. */
final class DurationText {
  private DurationText() {}

  static String of(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + "ms";
    }
    long s = d.toSeconds();
    String text = (s >= 3600 ? s / 3600 + "h" : "") + (s >= 60 ? s / 60 % 60 + "m" : "")
        + s % 60 + "s";
    return text;
  }
}
