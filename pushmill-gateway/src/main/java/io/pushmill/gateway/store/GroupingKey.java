package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;

/**
 * The labels that name a group of pushed metrics: always a non-empty {@code job}, plus any others
 * from the push URL. Two keys differ when their label maps differ, even if one has {@code
 * instance=""} and the other no {@code instance} (upstream's rule).
 */
public record GroupingKey(Labels labels) {

  public GroupingKey {
    if (labels == null) {
      throw new IllegalArgumentException("grouping labels must not be null");
    }
    if (labels.get("job").orElse("").isEmpty()) {
      throw new IllegalArgumentException("job name is required");
    }
    if (labels.hasDuplicateNames()) {
      throw new IllegalArgumentException("grouping labels repeat a name: " + labels);
    }
  }

  /** A key from alternating names and values. */
  public static GroupingKey of(String... namesAndValues) {
    return new GroupingKey(Labels.of(namesAndValues));
  }

  public String job() {
    return labels.get("job").orElseThrow();
  }

  /**
   * Upstream's string form of the key: names sorted, each name and value separated by byte 0xFF
   * (here the char U+00FF). Used only where upstream exposes it (persistence import, tests).
   */
  public String storageKey() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        sb.append('\u00ff');
      }
      sb.append(labels.name(i)).append('\u00ff').append(labels.value(i));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return labels.toString();
  }
}
