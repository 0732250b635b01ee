package io.pushmill.server.ui;

import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.metrics.Labels;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The gateway page's filter: every word typed must occur, ignoring case, in one of the group's
 * labels (written {@code name="value"}) or in the name of one of its families.
 */
final class GroupFilter {
  private final List<String> words;

  GroupFilter(String text) {
    this.words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+"))
        .filter(w -> !w.isEmpty()).toList();
  }

  boolean matchesAll() {
    return words.isEmpty();
  }

  boolean matches(GroupSnapshot g) {
    for (String w : words) {
      if (!inLabels(g.key().labels(), w) && !inFamilies(g, w)) {
        return false;
      }
    }
    return true;
  }

  private static boolean inLabels(Labels labels, String word) {
    for (int i = 0; i < labels.size(); i++) {
      String pair = labels.name(i) + "=\"" + labels.value(i) + '"';
      if (pair.toLowerCase(Locale.ROOT).contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inFamilies(GroupSnapshot g, String word) {
    for (String name : g.families().keySet()) {
      if (name.toLowerCase(Locale.ROOT).contains(word)) {
        return true;
      }
    }
    return false;
  }
}
