package io.pushmill.runner.exec.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementsTest {

  @ParameterizedTest(name = "{index}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          1 | '# requirements:\\n# pandas==2.0\\n# numpy\\nimport os'      | 'pandas==2.0,numpy'
          2 | '#requirements:\\n#requests>=2\\n'                           | 'requests>=2'
          3 | 'import os\\n# Requirements:\\n#  a\\n#\\n#  b\\nx = 1\\n# c' | 'a,b'
          4 | '# requirements:\\nimport os'                                | ''
          5 | '# requirements: inline\\n# a'                               | '-'
          6 | 'import os'                                                  | '-'
          """)
  void a_requirements_block_lists_the_comment_lines_that_follow_it(
      int ignored, String source, String expected) {
    var block = Requirements.block(source.replace("\\n", "\n"));

    assertThat(block.map(specs -> String.join(",", specs)).orElse("-")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          prometheus_client | prometheus-client
          yaml              | PyYAML
          PIL               | Pillow
          requests          | requests
          """)
  void imports_map_to_the_packages_that_provide_them(String module, String expected) {
    assertThat(Requirements.packageOf(module)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void a_block_wins_over_imports_and_imports_keep_their_module_for_the_presence_check() {
    assertThat(Requirements.of("# requirements:\n# PyYAML==6.0\nimport yaml", List.of("yaml")))
        .containsExactly(new PythonRequirement("PyYAML==6.0", java.util.Optional.empty()));
    assertThat(Requirements.of("import yaml", List.of("yaml")))
        .containsExactly(new PythonRequirement("PyYAML", java.util.Optional.of("yaml")));
  }
}
