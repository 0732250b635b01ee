package io.pushmill.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of label pairs, kept sorted by name (byte-wise, as Go sorts UTF-8 strings).
 *
 * <p>It does not validate names: a protobuf push may carry names that the gateway must reject with
 * upstream's own error text, so validation belongs to the consistency check. For the same reason it
 * keeps duplicate names (sorted next to each other) instead of failing; {@link #hasDuplicateNames()}
 * tells.
 */
public final class Labels implements Comparable<Labels> {
  public static final Labels EMPTY = new Labels(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;
  private int hash;

  private Labels(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /** Labels from alternating names and values: {@code of("job", "a", "instance", "")}. */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "labels need name/value pairs, got an odd count: " + namesAndValues.length);
    }
    int n = namesAndValues.length / 2;
    String[] names = new String[n];
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = requireNonNull(namesAndValues[2 * i], "label name");
      values[i] = requireNonNull(namesAndValues[2 * i + 1], "label value");
    }
    return sorted(names, values);
  }

  /** Labels from a map; the map's order does not matter. */
  public static Labels of(Map<String, String> map) {
    String[] names = new String[map.size()];
    String[] values = new String[map.size()];
    int i = 0;
    for (Map.Entry<String, String> e : map.entrySet()) {
      names[i] = requireNonNull(e.getKey(), "label name");
      values[i] = requireNonNull(e.getValue(), "label value");
      i++;
    }
    return sorted(names, values);
  }

  /** Labels from parallel lists, in any order, duplicates kept. */
  public static Labels of(List<String> names, List<String> values) {
    if (names.size() != values.size()) {
      throw new IllegalArgumentException(
          "label names and values differ in count: " + names.size() + " != " + values.size());
    }
    return sorted(names.toArray(String[]::new), values.toArray(String[]::new));
  }

  private static Labels sorted(String[] names, String[] values) {
    if (names.length == 0) {
      return EMPTY;
    }
    if (!isSorted(names)) {
      Integer[] order = new Integer[names.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      // A stable sort, so duplicates keep the order they were given in.
      Arrays.sort(order, (a, b) -> Utf8Order.compare(names[a], names[b]));
      String[] n = new String[names.length];
      String[] v = new String[names.length];
      for (int i = 0; i < order.length; i++) {
        n[i] = names[order[i]];
        v[i] = values[order[i]];
      }
      return new Labels(n, v);
    }
    return new Labels(names, values);
  }

  private static boolean isSorted(String[] names) {
    for (int i = 1; i < names.length; i++) {
      if (Utf8Order.compare(names[i - 1], names[i]) > 0) {
        return false;
      }
    }
    return true;
  }

  private static String requireNonNull(String s, String what) {
    if (s == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return s;
  }

  public int size() {
    return names.length;
  }

  public boolean isEmpty() {
    return names.length == 0;
  }

  /** The name at position {@code i} in sorted order. */
  public String name(int i) {
    return names[i];
  }

  /** The value at position {@code i} in sorted order. */
  public String value(int i) {
    return values[i];
  }

  /** The value of the first label with this name. */
  public Optional<String> get(String name) {
    int i = indexOf(name);
    return i < 0 ? Optional.empty() : Optional.of(values[i]);
  }

  public boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  private int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** These labels with {@code name} set to {@code value}, replacing every label of that name. */
  public Labels with(String name, String value) {
    List<String> n = new ArrayList<>(names.length + 1);
    List<String> v = new ArrayList<>(names.length + 1);
    for (int i = 0; i < names.length; i++) {
      if (!names[i].equals(name)) {
        n.add(names[i]);
        v.add(values[i]);
      }
    }
    n.add(requireNonNull(name, "label name"));
    v.add(requireNonNull(value, "label value"));
    return of(n, v);
  }

  /** These labels without any label named {@code name}. */
  public Labels without(String name) {
    if (!contains(name)) {
      return this;
    }
    List<String> n = new ArrayList<>(names.length);
    List<String> v = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) {
      if (!names[i].equals(name)) {
        n.add(names[i]);
        v.add(values[i]);
      }
    }
    return of(n, v);
  }

  /** True when some name occurs twice; only a protobuf push can produce that. */
  public boolean hasDuplicateNames() {
    for (int i = 1; i < names.length; i++) {
      if (names[i].equals(names[i - 1])) {
        return true;
      }
    }
    return false;
  }

  /** The labels as an ordered map (sorted by name); a duplicate name keeps its last value. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], values[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Orders as client_golang sorts the metrics of a family: fewer labels first, then label values
   * position by position, compared byte-wise.
   */
  @Override
  public int compareTo(Labels o) {
    if (names.length != o.names.length) {
      return Integer.compare(names.length, o.names.length);
    }
    for (int i = 0; i < values.length; i++) {
      int c = Utf8Order.compare(values[i], o.values[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Labels l && Arrays.equals(names, l.names) && Arrays.equals(values, l.values);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
      hash = h;
    }
    return h;
  }

  /** Prometheus notation, for messages: {@code {instance="",job="a"}}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(names[i]).append("=\"");
      String v = values[i];
      for (int j = 0; j < v.length(); j++) {
        char c = v.charAt(j);
        switch (c) {
          case '\\' -> sb.append("\\\\");
          case '"' -> sb.append("\\\"");
          case '\n' -> sb.append("\\n");
          default -> sb.append(c);
        }
      }
      sb.append('"');
    }
    return sb.append('}').toString();
  }
}
