package io.pushmill.runner.exec;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The script languages Pushmill runs, named as Windmill names them in its API. */
public enum Language {
  PYTHON3("python3"),
  BASH("bash"),
  JAVA("java");

  // Read for every row of a job list and every claim: a lookup, not a scan of values().
  private static final Map<String, Language> BY_ID =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Language::id, l -> l));

  private final String id;

  Language(String id) {
    this.id = id;
  }

  /** Windmill's name: {@code python3}, {@code bash}, {@code java}. */
  public String id() {
    return id;
  }

  /** The language with this Windmill name. */
  public static Optional<Language> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }
}
