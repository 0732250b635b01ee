package io.pushmill.server.ui.view;

import io.pushmill.metrics.Labels;
import java.util.ArrayList;
import java.util.List;

/** One label, for templates that show labels one by one. */
public record LabelPair(String name, String value) {

  /** The labels in their sorted order. */
  public static List<LabelPair> of(Labels labels) {
    List<LabelPair> out = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      out.add(new LabelPair(labels.name(i), labels.value(i)));
    }
    return out;
  }
}
