package io.pushmill.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.gateway.http.config.WebConfigException;
import io.pushmill.gateway.http.metrics.GatewayMetrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** {@code --web.config.file} in front of every route: basic auth, headers, reloads (spec §2.14). */
class WebConfigTest {
  // Cost 4 keeps the test fast; the gateway accepts any bcrypt cost.
  private static final String ALICE_HASH = BCrypt.hashpw("wonderland", BCrypt.gensalt(4));
  private static final String BOB_HASH = BCrypt.hashpw("builder", BCrypt.gensalt(4));

  @TempDir Path dir;

  private GatewayTester gateway(String yaml) throws Exception {
    Path file = dir.resolve("web.yml");
    Files.writeString(file, yaml);
    return new GatewayTester(GatewayTester.options().withWebConfigFile(Optional.of(file)));
  }

  private static Map<String, String> basic(String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return Map.of("Authorization", "Basic " + token);
  }

  @Test
  void wrong_or_missing_credentials_get_401_and_touch_nothing() throws Exception {
    try (GatewayTester gw = gateway("basic_auth_users:\n  alice: " + ALICE_HASH + "\n")) {
      for (Map<String, String> h :
          java.util.List.of(
              Map.<String, String>of(),
              basic("alice", "wrong"),
              basic("mallory", "wonderland"),
              Map.of("Authorization", "Basic !!!"),
              Map.of("Authorization", "Bearer x"))) {
        HttpTester.Response r = gw.send("PUT", "/metrics/job/j", h, "m 1\n");
        assertThat(r.getStatus()).as(h.toString()).isEqualTo(401);
        assertThat(r.getContent()).isEqualTo("Unauthorized\n");
        assertThat(r.get("WWW-Authenticate")).isEqualTo("Basic");
      }
      assertThat(gw.store.pushes).isEmpty();
    }
  }

  @Test
  void right_credentials_reach_every_route() throws Exception {
    try (GatewayTester gw = gateway("basic_auth_users:\n  alice: " + ALICE_HASH + "\n")) {
      assertThat(
              gw.send("PUT", "/metrics/job/j", basic("alice", "wonderland"), "m 1\n").getStatus())
          .isEqualTo(200);
      assertThat(gw.send("GET", "/metrics", basic("alice", "wonderland"), "").getStatus())
          .isEqualTo(200);
      assertThat(
              gw.send(
                      "GET",
                      "/",
                      Map.of(
                          "Authorization",
                          "bAsIc "
                              + basic("alice", "wonderland").get("Authorization").substring(6)),
                      "")
                  .getStatus())
          .isEqualTo(200);
      assertThat(gw.send("GET", "/nope", basic("alice", "wonderland"), "").getStatus())
          .isEqualTo(404);
      assertThat(gw.store.pushes).hasSize(1);
    }
  }

  @Test
  void configured_headers_are_on_every_answer() throws Exception {
    try (GatewayTester gw =
        gateway(
            """
            http_server_config:
              headers:
                X-Frame-Options: deny
                Content-Security-Policy: default-src 'self'
            basic_auth_users:
              alice: %s
            """
                .formatted(ALICE_HASH))) {
      HttpTester.Response denied = gw.send("GET", "/");
      HttpTester.Response page = gw.send("GET", "/", basic("alice", "wonderland"), "");

      assertThat(denied.get("X-Frame-Options")).isEqualTo("deny");
      assertThat(page.get("X-Frame-Options")).isEqualTo("deny");
      assertThat(page.get("Content-Security-Policy")).isEqualTo("default-src 'self'");
    }
  }

  @Test
  void the_file_is_reread_when_it_changes_and_a_broken_file_gives_500() throws Exception {
    try (GatewayTester gw = gateway("basic_auth_users:\n  alice: " + ALICE_HASH + "\n")) {
      Path file = dir.resolve("web.yml");
      assertThat(gw.send("GET", "/-/ready", basic("bob", "builder"), "").getStatus())
          .isEqualTo(401);

      rewrite(file, "basic_auth_users:\n  bob: " + BOB_HASH + "\n", 1);
      assertThat(gw.send("GET", "/-/ready", basic("bob", "builder"), "").getStatus())
          .isEqualTo(200);
      assertThat(gw.send("GET", "/-/ready", basic("alice", "wonderland"), "").getStatus())
          .isEqualTo(401);

      rewrite(file, "basic_auth_users: [broken\n", 2);
      HttpTester.Response broken = gw.send("GET", "/-/ready", basic("bob", "builder"), "");
      assertThat(broken.getStatus()).isEqualTo(500);
      assertThat(broken.getContent()).isEqualTo("Internal Server Error\n");

      rewrite(file, "", 3);
      assertThat(gw.send("GET", "/-/ready").getStatus()).isEqualTo(200);
    }
  }

  @Test
  void a_rate_limit_answers_429_beyond_the_burst() throws Exception {
    try (GatewayTester gw = gateway("rate_limit:\n  interval: 1h\n  burst: 2\n")) {
      assertThat(gw.send("GET", "/-/ready").getStatus()).isEqualTo(200);
      assertThat(gw.send("GET", "/-/ready").getStatus()).isEqualTo(200);
      HttpTester.Response limited = gw.send("GET", "/-/ready");

      assertThat(limited.getStatus()).isEqualTo(429);
      assertThat(limited.getContent()).isEqualTo("Too Many Requests\n");
    }
  }

  @Test
  void a_file_that_cannot_be_used_stops_the_start_with_a_clear_error() throws Exception {
    Path file = dir.resolve("web.yml");
    Files.writeString(file, "basic_auth_users:\n  alice: plain-text-password\n");

    assertThatThrownBy(
            () ->
                GatewayServer.create(
                    new FakeMetricStore(),
                    GatewayMetrics.withoutJvm(GatewayTester.BUILD),
                    GatewayTester.options().withWebConfigFile(Optional.of(file))))
        .isInstanceOf(WebConfigException.class)
        .hasMessage("basic_auth_users: the password hash of user \"alice\" is not a bcrypt hash")
        .message()
        .doesNotContain("plain-text-password");
  }

  @Test
  void a_missing_certificate_file_stops_the_start() throws Exception {
    Path file = dir.resolve("web.yml");
    Files.writeString(file, "tls_server_config:\n  cert_file: nope.pem\n  key_file: nope.key\n");

    assertThatThrownBy(
            () ->
                GatewayServer.create(
                    new FakeMetricStore(),
                    GatewayMetrics.withoutJvm(GatewayTester.BUILD),
                    GatewayTester.options().withWebConfigFile(Optional.of(file))))
        .isInstanceOf(WebConfigException.class)
        .hasMessageStartingWith("failed to read cert_file (" + dir.resolve("nope.pem"));
  }

  private static void rewrite(Path file, String content, int step) throws Exception {
    Files.writeString(file, content);
    // File systems with coarse timestamps would hide a quick rewrite; step the time explicitly.
    Files.setLastModifiedTime(
        file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z").plusSeconds(step)));
  }
}
