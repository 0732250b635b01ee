package io.pushmill.runner.exec.bash;

import com.fasterxml.jackson.databind.node.TextNode;
import io.pushmill.runner.exec.Param;
import io.pushmill.runner.exec.ParamType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bash script's parameters by Windmill's rule: a line {@code name="$N"}, {@code
 * name="${N}"} or {@code name="${N:-default}"} (at the start of the line, optionally followed by a
 * comment) declares the string parameter {@code name} at position N. Positions are taken from 1 up
 * to the first one missing; a later line for the same position wins.
 */
public final class BashSignature {
  private static final Pattern ARG =
      Pattern.compile(
          "^(\\w+)=\"\\$(?:(\\d+)|\\{(\\d+)\\}|\\{(\\d+):-(.*)\\})\"[\\t ]*(?:#.*)?\\r?$",
          Pattern.MULTILINE);
  private static final int MAX_POSITION = 19;

  private BashSignature() {}

  public static List<Param> params(String script) {
    Map<Integer, Param> byPosition = new TreeMap<>();
    Matcher m = ARG.matcher(script);
    while (m.find()) {
      String digits =
          m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
      Optional<Integer> position = position(digits);
      Optional<String> defaultValue = Optional.ofNullable(m.group(5));
      position.ifPresent(
          p ->
              byPosition.put(
                  p, new Param(m.group(1), ParamType.STRING, defaultValue.map(TextNode::valueOf))));
    }
    List<Param> params = new ArrayList<>();
    for (int i = 1; i <= MAX_POSITION && byPosition.containsKey(i); i++) {
      params.add(byPosition.get(i));
    }
    return params;
  }

  private static Optional<Integer> position(String digits) {
    try {
      return Optional.of(Integer.parseInt(digits));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
