package io.pushmill.runner.exec;

import java.util.Arrays;
import java.util.Optional;

/** The script languages Pushmill runs, named as Windmill names them in its API. */
public enum Language {
  PYTHON3("python3"),
  BASH("bash"),
  JAVA("java");

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
    return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
  }
}
