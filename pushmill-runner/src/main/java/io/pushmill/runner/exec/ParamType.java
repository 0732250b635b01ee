package io.pushmill.runner.exec;

/** The JSON-schema types a script parameter can have, as Windmill's schema names them. */
public enum ParamType {
  STRING("string"),
  INTEGER("integer"),
  NUMBER("number"),
  BOOLEAN("boolean"),
  OBJECT("object"),
  ARRAY("array"),
  /** No annotation: any JSON value. */
  ANY("");

  private final String jsonName;

  ParamType(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The JSON-schema {@code type} keyword, empty for {@link #ANY}. */
  public String jsonName() {
    return jsonName;
  }
}
