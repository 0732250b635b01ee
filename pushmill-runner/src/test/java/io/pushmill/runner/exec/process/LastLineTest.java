package io.pushmill.runner.exec.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LastLineTest {

  @ParameterizedTest(name = "{index}: {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          1 | ''                 | ''
          2 | 'a'                | 'a'
          3 | 'a\\nb'            | 'b'
          4 | 'a\\nb\\n'         | 'b'
          5 | 'a\\n\\n'          | ''
          6 | '  spaced  \\n'    | 'spaced'
          7 | 'x\\r\\n'          | 'x'
          8 | 'first\\n0123456789xyz' | '01234567'
          """)
  void keeps_the_last_line_as_tail_would_print_it(int ignored, String input, String expected) {
    LastLine last = new LastLine(8);
    String text = input.replace("\\r", "\r").replace("\\n", "\n");
    // Feed it in two chunks so that lines span chunk boundaries.
    int half = text.length() / 2;
    last.accept(text.substring(0, half).toCharArray(), half);
    last.accept(text.substring(half).toCharArray(), text.length() - half);

    assertThat(last.value()).isEqualTo(expected);
  }
}
