package io.pushmill.metrics.text;

import java.util.Arrays;

/**
 * The labels that tell the metrics of a summary or histogram apart while parsing (expfmt's {@code
 * currentLabels}): the family name as {@code __name__} plus every label except {@code quantile} or
 * {@code le}. A later put of the same name replaces the value, as in a Go map. {@link #key()} is an
 * order-independent key, standing in for {@code model.LabelsToSignature}.
 */
final class SignatureLabels {
  private String[] names = new String[8];
  private String[] values = new String[8];
  private int size;

  /** Starts a new line's label set for family {@code familyName}. */
  void reset(String familyName) {
    size = 0;
    put("__name__", familyName);
  }

  void put(String name, String value) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        values[i] = value;
        return;
      }
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = value;
    size++;
  }

  /** A key equal for equal label sets, whatever order the labels came in. */
  String key() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
    StringBuilder sb = new StringBuilder(64);
    for (int i : order) {
      // Length prefixes keep the key unambiguous whatever the values contain.
      sb.append(names[i].length()).append(':').append(names[i]);
      sb.append(values[i].length()).append(':').append(values[i]);
    }
    return sb.toString();
  }
}
