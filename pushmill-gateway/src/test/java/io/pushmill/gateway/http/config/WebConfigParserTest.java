package io.pushmill.gateway.http.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exporter-toolkit file format, read strictly; errors name keys, never secrets. */
class WebConfigParserTest {
  private static final Path DIR = Path.of("/etc/gw");
  private static final String HASH = "$2y$10$X0h1gDsPszWURQaxFh.zoubFi6DXncSjhoQNJgRrnGs7EsimhC7zG";

  private static WebConfig parse(String yaml) {
    return WebConfigParser.parse(yaml.getBytes(StandardCharsets.UTF_8), DIR);
  }

  record Bad(int n, String yaml, String message) {
    @Override
    public String toString() {
      return n + ": " + message;
    }
  }

  static Stream<Bad> badFiles() {
    return Stream.of(
        new Bad(1, "foo: 1\n", "field foo not found in the top level"),
        new Bad(2, "tls_server_config:\n  cert_file: a.pem\n", "missing one of key or key_file"),
        new Bad(3, "tls_server_config:\n  key_file: a.key\n", "missing one of cert or cert_file"),
        new Bad(
            4,
            "tls_server_config:\n  certfile: a.pem\n",
            "field certfile not found in tls_server_config"),
        new Bad(
            5,
            "tls_server_config:\n  cert_file: a\n  key_file: b\n  min_version: TLS14\n",
            "tls_server_config.min_version: unknown value \"TLS14\""),
        new Bad(
            6,
            "tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: Sometimes\n",
            "tls_server_config.client_auth_type: unknown value \"Sometimes\""),
        new Bad(
            7,
            "http_server_config:\n  headers:\n    X-Powered-By: me\n",
            "HTTP header \"X-Powered-By\" can not be configured"),
        new Bad(
            8,
            "http_server_config:\n  headers:\n    X-Frame-Options: allow\n",
            "invalid value for X-Frame-Options. Expected one of: [deny, sameorigin], but got:"
                + " \"allow\""),
        new Bad(
            9,
            "basic_auth_users:\n  alice: secret-password\n",
            "basic_auth_users: the password hash of user \"alice\" is not a bcrypt hash"),
        new Bad(
            10,
            "rate_limit:\n  interval: 1x\n",
            "rate_limit.interval: time: unknown unit \"x\" in duration \"1x\""),
        new Bad(
            11,
            "http_server_config:\n  http2: maybe\n",
            "http_server_config.http2 must be true or false"),
        new Bad(12, "tls_server_config: [1]\n", "tls_server_config must be a mapping"),
        new Bad(13, "basic_auth_users: {a: \n", "not valid YAML at line 1"),
        new Bad(
            14,
            "tls_server_config:\n  cert_file: a\n  key_file: b\n  curve_preferences: [P999]\n",
            "unknown curve: P999"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void a_bad_file_is_refused_with_a_message_naming_the_key(Bad bad) {
    assertThatThrownBy(() -> parse(bad.yaml()))
        .isInstanceOf(WebConfigException.class)
        .hasMessage(bad.message());
  }

  @Test
  void a_password_never_appears_in_a_message() {
    assertThatThrownBy(() -> parse("basic_auth_users:\n  alice: hunter2\n"))
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void an_empty_file_configures_nothing() {
    WebConfig c = parse("");

    assertThat(c.tls()).isEmpty();
    assertThat(c.basicAuthUsers()).isEmpty();
    assertThat(c.headers()).isEmpty();
    assertThat(c.rateLimit()).isEmpty();
  }

  @Test
  void a_full_file_is_read_with_paths_relative_to_its_directory() {
    WebConfig c =
        parse(
            """
            tls_server_config:
              cert_file: certs/server.pem
              key_file: /abs/server.key
              client_auth_type: RequireAndVerifyClientCert
              client_ca_file: ca.pem
              client_allowed_sans: [client.example]
              min_version: TLS13
              cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]
              prefer_server_cipher_suites: false
              curve_preferences: [X25519]
            http_server_config:
              http2: false
              headers:
                X-Frame-Options: deny
                Content-Security-Policy: default-src 'self'
            basic_auth_users:
              alice: %s
            rate_limit:
              interval: 1s
              burst: 5
            """
                .formatted(HASH));

    WebConfig.Tls tls = c.tls().orElseThrow();
    assertThat(tls.certFile()).contains(Path.of("/etc/gw/certs/server.pem"));
    assertThat(tls.keyFile()).contains(Path.of("/abs/server.key"));
    assertThat(tls.clientCaFile()).contains(Path.of("/etc/gw/ca.pem"));
    assertThat(tls.clientAuthType()).isEqualTo("RequireAndVerifyClientCert");
    assertThat(tls.clientAllowedSans()).containsExactly("client.example");
    assertThat(tls.minVersion()).isEqualTo("TLS13");
    assertThat(tls.maxVersion()).isEqualTo("TLS13");
    assertThat(tls.preferServerCipherSuites()).isFalse();
    assertThat(c.http2()).isFalse();
    assertThat(c.headers())
        .containsEntry("X-Frame-Options", "deny")
        .containsEntry("Content-Security-Policy", "default-src 'self'");
    assertThat(c.basicAuthUsers()).containsEntry("alice", HASH);
    assertThat(c.rateLimit()).contains(new WebConfig.RateLimit(Duration.ofSeconds(1), 5));
    assertThat(c.toString()).doesNotContain(HASH);
  }

  @Test
  void a_tls_section_without_tls_settings_means_plain_http() {
    assertThat(parse("tls_server_config:\n  min_version: TLS12\n").tls()).isEmpty();
  }
}
