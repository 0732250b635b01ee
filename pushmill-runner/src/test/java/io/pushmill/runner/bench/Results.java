package io.pushmill.runner.bench;

import java.util.ArrayList;
import java.util.List;

/** The rows of the final Markdown table, and the notes printed under it. */
final class Results {
  private record Row(String what, String reference, String pushmill, String ratio, String target,
      boolean met) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  synchronized void add(String what, String reference, String pushmill, String ratio,
      String target, boolean met) {
    rows.add(new Row(what, reference, pushmill, ratio, target, met));
  }

  synchronized void note(String line) {
    notes.add(line);
    System.out.println(line);
  }

  synchronized String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("| what | reference (same run) | pushmill | ratio | target | met |\n");
    b.append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      b.append("| ").append(String.join(" | ", r.what(), r.reference(), r.pushmill(), r.ratio(),
          r.target(), r.met() ? "yes" : "**no**")).append(" |\n");
    }
    if (!notes.isEmpty()) {
      b.append('\n');
      notes.forEach(n -> b.append("- ").append(n).append('\n'));
    }
    return b.toString();
  }

  static String ms(double v) {
    return String.format("%.2f ms", v);
  }
}
