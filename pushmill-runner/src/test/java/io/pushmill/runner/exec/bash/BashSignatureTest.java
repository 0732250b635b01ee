package io.pushmill.runner.exec.bash;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.exec.Param;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BashSignatureTest {

  /** Renders params as {@code name}, or {@code name=default} when there is one. */
  private static String render(List<Param> params) {
    return String.join(
        ",",
        params.stream()
            .map(p -> p.name() + p.defaultValue().map(d -> "=" + d.asText()).orElse(""))
            .toList());
  }

  @ParameterizedTest(name = "{index}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          1  | 'token="$1"'                                    | 'token'
          2  | 'a="$1"\\nb="${2}"'                             | 'a,b'
          3  | 'a="$1"\\nd="${2:-latest with spaces}"'         | 'a,d=latest with spaces'
          4  | 'a="$1"  # the token'                           | 'a'
          5  | 'a="$1"\\nempty="${2:-}"'                       | 'a,empty='
          6  | 'b="$2"'                                        | ''
          7  | 'a="$1"\\nc="$3"'                               | 'a'
          8  | '  a="$1"'                                      | ''
          9  | 'a=$1'                                          | ''
          10 | 'a="$1"\\na2="$1"'                              | 'a2'
          11 | 'echo hi\\nb="$2"\\nx=1\\na="$1"'               | 'a,b'
          12 | 'a="$1" ; echo'                                 | ''
          13 | 'a="$1"\\r'                                     | 'a'
          14 | ''                                              | ''
          """)
  void parses_parameters_by_windmills_rule(int ignored, String script, String expected) {
    String text = script.replace("\\n", "\n").replace("\\r", "\r");

    List<Param> params = BashSignature.params(text);

    assertThat(render(params)).isEqualTo(expected);
    assertThat(params).allSatisfy(p -> assertThat(p.type().jsonName()).isEqualTo("string"));
  }
}
