package io.pushmill.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.runner.BadRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptPathTest {

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      u/admin/random_number_metric_script | u | admin
      f/monitoring/push-metric            | f | monitoring
      u/admin/dir/name                    | u | admin
      u/a/b                               | u | a
      f/Team_1/Job-2/x_y                  | f | Team_1
      """)
  void valid_paths_are_accepted(String path, String kind, String owner) {
    ScriptPath p = ScriptPath.of(path);
    assertThat(p.value()).isEqualTo(path);
    assertThat(p.kind()).isEqualTo(kind);
    assertThat(p.owner()).isEqualTo(owner);
  }

  @ParameterizedTest(name = "{index}: ''{0}''")
  @CsvSource(delimiter = '|', textBlock = """
      1  | g/group/name          | it must start with 'u/' or 'f/'
      2  | admin/script          | it must start with 'u/' or 'f/'
      3  | u/admin               | it needs an owner and a name after 'u/'
      4  | u//name               | segment 2 is empty
      5  | u/admin/              | segment 3 is empty
      6  | u/admin/my script     | segment 'my script' has a character outside [A-Za-z0-9_-]
      7  | u/admin/a.b           | segment 'a.b' has a character outside [A-Za-z0-9_-]
      8  | /u/admin/x            | it must start with 'u/' or 'f/'
      9  | u/admin/é             | segment 'é' has a character outside [A-Za-z0-9_-]
      """)
  void invalid_paths_are_refused_with_the_path_and_the_reason(int n, String path, String reason) {
    assertThatThrownBy(() -> ScriptPath.of(path))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("invalid path '" + path + "': " + reason
            + "; a path looks like u/<user>/<name> or f/<folder>/<name>");
  }

  @org.junit.jupiter.api.Test
  void an_empty_or_overlong_path_is_refused() {
    assertThatThrownBy(() -> ScriptPath.of("")).hasMessageContaining("it is empty");
    assertThatThrownBy(() -> ScriptPath.of("u/a/" + "x".repeat(300)))
        .hasMessageContaining("longer than 255 characters");
  }

  @org.junit.jupiter.api.Test
  void joined_replaces_slashes_as_windmill_does_for_object_paths() {
    assertThat(ScriptPath.of("u/admin/dir/x").joined('_')).isEqualTo("u_admin_dir_x");
  }
}
