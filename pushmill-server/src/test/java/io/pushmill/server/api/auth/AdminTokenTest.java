package io.pushmill.server.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {
  @TempDir Path dir;

  @Test
  void the_first_start_writes_a_random_url_safe_token_readable_only_by_its_owner()
      throws Exception {
    AdminToken token = AdminToken.resolve(Map.of(), dir.resolve("data"));

    Path file = dir.resolve("data/admin-token");
    assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
    assertThat(Files.readString(file)).isEqualTo(token.value() + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var files = Files.list(dir.resolve("data"))) {
      assertThat(files.toList()).containsExactly(file);
    }
  }

  @Test
  void a_later_start_reuses_the_file_and_the_environment_wins_over_it() {
    AdminToken first = AdminToken.resolve(Map.of(), dir);
    AdminToken again = AdminToken.resolve(Map.of(), dir);
    AdminToken fromEnv = AdminToken.resolve(Map.of("PUSHMILL_ADMIN_TOKEN", " env-token "), dir);

    assertThat(first.generated()).isTrue();
    assertThat(again.generated()).isFalse();
    assertThat(again.value()).isEqualTo(first.value());
    assertThat(fromEnv.value()).isEqualTo("env-token");
    assertThat(AdminToken.resolve(Map.of("PUSHMILL_ADMIN_TOKEN", ""), dir).value())
        .isEqualTo(first.value());
  }

  @Test
  void descriptions_show_where_it_came_from_and_only_a_prefix() {
    AdminToken token = AdminToken.resolve(Map.of(), dir);

    assertThat(token.source()).startsWith("the new file " + dir.resolve("admin-token"))
        .contains("(starts with " + token.value().substring(0, 4) + "…)")
        .doesNotContain(token.value());
    assertThat(token.toString()).doesNotContain(token.value());
  }

  @Test
  void matching_is_exact() {
    AdminToken token = AdminToken.of("secret-token");

    assertThat(token.matches("secret-token")).isTrue();
    assertThat(token.matches("secret-token2")).isFalse();
    assertThat(token.matches("secret-tokem")).isFalse();
    assertThat(token.matches("")).isFalse();
  }
}
