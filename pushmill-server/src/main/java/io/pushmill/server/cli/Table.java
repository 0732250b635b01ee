package io.pushmill.server.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows as left-aligned columns two spaces apart, the first row being the header. */
final class Table {
  private Table() {}

  static void print(PrintWriter out, List<List<String>> rows) {
    int columns = rows.getFirst().size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(i == columns - 1 ? row.get(i)
            : String.format("%-" + widths[i] + "s  ", row.get(i)));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }
}
