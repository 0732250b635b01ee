package io.pushmill.server.compat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Go's order of the metrics in a family (client_golang's metricSorter: label count, then label
 * values position by position, labels sorted by name). Two metrics whose values tie are in no
 * defined order upstream, so {@link #canonical} orders ties by their text, and marks any sample
 * that breaks Go's order, so the comparison accepts every order upstream could produce and no
 * other.
 */
final class SampleOrder {
  private SampleOrder() {}

  /** The label values of a sample line {@code name{a="x",b="y"} v}, unescaped, in line order. */
  static List<String> labelValues(String line) {
    List<String> values = new ArrayList<>();
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    if (brace < 0 || (space >= 0 && space < brace)) {
      return values;
    }
    int i = brace + 1;
    while (i < line.length() && line.charAt(i) != '}') {
      int quote = line.indexOf('"', i);
      if (quote < 0) {
        break;
      }
      StringBuilder value = new StringBuilder();
      int j = quote + 1;
      for (; j < line.length() && line.charAt(j) != '"'; j++) {
        char ch = line.charAt(j);
        if (ch == '\\' && j + 1 < line.length()) {
          char next = line.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(ch);
        }
      }
      values.add(value.toString());
      i = j + 1;
      if (i < line.length() && line.charAt(i) == ',') {
        i++;
      }
    }
    return values;
  }

  /** Go's Less on two samples' label values; byte-wise like Go's string compare. */
  static int goOrder(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return Integer.compare(a.size(), b.size());
    }
    for (int i = 0; i < a.size(); i++) {
      // code point order is UTF-8 byte order, which is Go's string order
      int c = Arrays.compare(a.get(i).codePoints().toArray(), b.get(i).codePoints().toArray());
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** The samples in Go's order with ties broken by text; out-of-order samples are flagged. */
  static List<String> canonical(List<String> samples) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i < samples.size(); i++) {
      if (goOrder(labelValues(samples.get(i - 1)), labelValues(samples.get(i))) > 0) {
        out.add("# ORDER: " + samples.get(i) + " comes after " + samples.get(i - 1));
      }
    }
    List<String> sorted = new ArrayList<>(samples);
    sorted.sort(
        Comparator.<String, List<String>>comparing(SampleOrder::labelValues, SampleOrder::goOrder)
            .thenComparing(Comparator.naturalOrder()));
    out.addAll(sorted);
    return out;
  }
}
