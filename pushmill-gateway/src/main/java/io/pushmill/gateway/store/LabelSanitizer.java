package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's {@code sanitizeLabels}: the grouping labels override the first body label of the same
 * name, missing grouping labels are added, {@code instance=""} is added when there is no {@code
 * instance} at all, and the labels end up sorted. A second body label of a grouping name keeps its
 * value, as upstream does, so that the duplicate is reported instead of silently dropped.
 */
final class LabelSanitizer {
  private final Interner strings;

  /** {@code strings} shares label names and repeated values across pushes. */
  LabelSanitizer(Interner strings) {
    this.strings = strings;
  }

  Labels sanitize(Labels body, Labels grouping) {
    int total = body.size() + grouping.size() + 1;
    List<String> n = new ArrayList<>(total);
    List<String> v = new ArrayList<>(total);
    boolean[] done = new boolean[grouping.size()];
    boolean hasInstance = false;
    for (int i = 0; i < body.size(); i++) {
      String name = body.name(i);
      String value = body.value(i);
      int g = indexOf(grouping, name);
      if (g >= 0 && !done[g]) {
        name = grouping.name(g);
        value = grouping.value(g);
        done[g] = true;
      }
      hasInstance |= name.equals("instance");
      n.add(strings.intern(name));
      v.add(strings.intern(value));
    }
    for (int g = 0; g < grouping.size(); g++) {
      if (!done[g]) {
        n.add(grouping.name(g));
        v.add(grouping.value(g));
        hasInstance |= grouping.name(g).equals("instance");
      }
    }
    if (!hasInstance) {
      n.add("instance");
      v.add("");
    }
    return Labels.of(n, v);
  }

  private static int indexOf(Labels grouping, String name) {
    for (int i = 0; i < grouping.size(); i++) {
      if (grouping.name(i).equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
