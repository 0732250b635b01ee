package io.pushmill.runner.exec.java;

import io.pushmill.runner.exec.ParamType;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Maps the declared type of a {@code main} parameter to its JSON-schema type: the types the child's
 * launcher knows how to build from JSON, and nothing else.
 */
final class JavaTypes {
  private static final Map<String, ParamType> DECLARED =
      Map.ofEntries(
          Map.entry("java.lang.Integer", ParamType.INTEGER),
          Map.entry("java.lang.Long", ParamType.INTEGER),
          Map.entry("java.lang.Short", ParamType.INTEGER),
          Map.entry("java.lang.Byte", ParamType.INTEGER),
          Map.entry("java.math.BigInteger", ParamType.INTEGER),
          Map.entry("java.lang.Double", ParamType.NUMBER),
          Map.entry("java.lang.Float", ParamType.NUMBER),
          Map.entry("java.lang.Number", ParamType.NUMBER),
          Map.entry("java.math.BigDecimal", ParamType.NUMBER),
          Map.entry("java.lang.Boolean", ParamType.BOOLEAN),
          Map.entry("java.lang.String", ParamType.STRING),
          Map.entry("java.lang.CharSequence", ParamType.STRING),
          Map.entry("java.lang.Character", ParamType.STRING),
          Map.entry("java.lang.Object", ParamType.ANY),
          Map.entry("java.util.List", ParamType.ARRAY),
          Map.entry("java.util.ArrayList", ParamType.ARRAY),
          Map.entry("java.util.Collection", ParamType.ARRAY),
          Map.entry("java.lang.Iterable", ParamType.ARRAY),
          Map.entry("java.util.Set", ParamType.ARRAY),
          Map.entry("java.util.LinkedHashSet", ParamType.ARRAY),
          Map.entry("java.util.HashSet", ParamType.ARRAY),
          Map.entry("java.util.HashMap", ParamType.OBJECT),
          Map.entry("java.util.Map", ParamType.OBJECT),
          Map.entry("java.util.LinkedHashMap", ParamType.OBJECT));

  private JavaTypes() {}

  static Optional<ParamType> of(TypeMirror type, Types types) {
    return switch (type.getKind()) {
      case INT, LONG, SHORT, BYTE -> Optional.of(ParamType.INTEGER);
      case DOUBLE, FLOAT -> Optional.of(ParamType.NUMBER);
      case BOOLEAN -> Optional.of(ParamType.BOOLEAN);
      case CHAR -> Optional.of(ParamType.STRING);
      case ARRAY -> Optional.of(ParamType.ARRAY);
      case DECLARED -> Optional.ofNullable(DECLARED.get(types.erasure(type).toString()));
      default -> Optional.empty();
    };
  }
}
