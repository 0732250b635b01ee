package io.pushmill.runner.exec.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.runner.exec.java.launcher.LauncherJson;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LauncherJsonTest {
  record Point(int x, String label) {}

  enum Color {
    RED
  }

  @Test
  void parses_objects_arrays_numbers_strings_and_literals() {
    Object value =
        LauncherJson.parse(
            " {\"a\": [1, -2.5e1, \"x\\u00e9\\n"
                + "\\\"\", true, false, null], \"big\": 123456789012345678901, \"o\": {}} ");

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", Arrays.asList(1L, -25.0, "xé\n\"", true, false, null));
    expected.put("big", new BigInteger("123456789012345678901"));
    expected.put("o", Map.of());
    assertThat(value).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          1 | '{'          | 'invalid JSON at offset 1: expected a string key'
          6 | '"ab'        | 'invalid JSON at offset 3: unexpected end'
          2 | '[1,]'       | 'invalid JSON at offset 3: expected a JSON value'
          3 | '{"a" 1}'    | 'invalid JSON at offset 5: expected :'
          4 | '1 2'        | 'invalid JSON at offset 2: unexpected text after the value'
          5 | 'nope'       | 'invalid JSON at offset 0: expected a JSON value'
          """)
  void rejects_invalid_json_naming_the_offset(int ignored, String input, String message) {
    assertThatThrownBy(() -> LauncherJson.parse(input)).hasMessage(message);
  }

  @Test
  void writes_results_as_ascii_json() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("list", List.of(1, 2L, 1.5));
    result.put("nan", Double.NaN);
    result.put("text", "é\t\"q\"");
    result.put("record", new Point(3, "p"));
    result.put("enum", Color.RED);
    result.put("array", new int[] {1, 2});
    result.put("optional", Optional.empty());
    result.put("set", Set.of(true));
    result.put("other", new StringBuilder("sb"));
    result.put("object", Thread.State.NEW);

    assertThat(LauncherJson.write(result))
        .isEqualTo(
            "{\"list\":[1,2,1.5],\"nan\":null,\"text\":\"\\u00e9\\t\\\"q\\\"\","
                + "\"record\":{\"x\":3,\"label\":\"p\"},\"enum\":\"RED\",\"array\":[1,2],"
                + "\"optional\":null,\"set\":[true],\"other\":\"sb\",\"object\":\"NEW\"}");
  }
}
