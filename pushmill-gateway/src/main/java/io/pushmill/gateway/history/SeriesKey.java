package io.pushmill.gateway.history;

import io.pushmill.metrics.Labels;

/**
 * One series of the history: the family it was pushed in, its sample name (the family's, or with
 * {@code _count} or {@code _sum} for summaries and histograms) and its labels as stored.
 */
record SeriesKey(String family, String name, Labels labels) {

  /** A rough size in bytes of the key and of the map entries that hold it. */
  long bytes() {
    long chars = family.length() + (name.equals(family) ? 0 : name.length());
    for (int i = 0; i < labels.size(); i++) {
      chars += labels.name(i).length() + labels.value(i).length() + 48;
    }
    return 160 + chars;
  }
}
