package io.pushmill.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.gateway.http.config.TestCertificates;
import io.pushmill.gateway.http.metrics.GatewayMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** TLS and basic auth on a real socket, with Java's client and with curl (spec §2.14). */
class TlsIT {
  private static final String HASH = BCrypt.hashpw("wonderland", BCrypt.gensalt(4));

  @TempDir static Path dir;
  private static TestCertificates.Generated server;
  private static TestCertificates.Generated client;

  @BeforeAll
  static void certificates() throws Exception {
    server = TestCertificates.generate(dir, "server", "RSA", "ip:127.0.0.1,dns:localhost");
    client = TestCertificates.generate(dir, "client", "EC", "dns:client.example");
  }

  private static GatewayServer start(String yaml, Path configDir) throws Exception {
    Path file = configDir.resolve("web.yml");
    Files.writeString(file, yaml);
    GatewayOptions options =
        GatewayTester.options()
            .withListenAddresses(List.of("127.0.0.1:0"))
            .withWebConfigFile(Optional.of(file));
    GatewayServer gw =
        GatewayServer.create(
            new FakeMetricStore(), GatewayMetrics.withoutJvm(GatewayTester.BUILD), options);
    gw.start();
    return gw;
  }

  private static HttpResponse<String> get(SSLContext ctx, URI uri, boolean auth) throws Exception {
    HttpClient http =
        HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (auth) {
      req.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("alice:wonderland".getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void tls_with_basic_auth_serves_only_authenticated_clients() throws Exception {
    String yaml =
        "tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n"
            + "basic_auth_users:\n  alice: "
            + HASH
            + "\n";
    try (GatewayServer gw = start(yaml, dir)) {
      URI base = gw.uris().getFirst();
      assertThat(base.getScheme()).isEqualTo("https");
      URI ready = base.resolve("/-/ready");
      SSLContext ctx = server.trustingContext(null);

      assertThat(get(ctx, ready, false).statusCode()).isEqualTo(401);
      HttpResponse<String> ok = get(ctx, ready, true);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("OK");
      assertThat(
              curl(
                  "-s",
                  "--cacert",
                  server.certPem().toString(),
                  "-u",
                  "alice:wonderland",
                  ready.toString()))
          .isEqualTo("OK");
      assertThat(
              curl(
                  "-s",
                  "-o",
                  "/dev/null",
                  "-w",
                  "%{http_code}",
                  "--cacert",
                  server.certPem().toString(),
                  "-u",
                  "alice:wrong",
                  ready.toString()))
          .isEqualTo("401");
    }
  }

  @Test
  void a_changed_certificate_is_used_for_new_connections() throws Exception {
    Path own = Files.createDirectory(dir.resolve("reload"));
    Files.copy(server.certPem(), own.resolve("tls.pem"));
    Files.copy(server.keyPem(), own.resolve("tls.key"));
    try (GatewayServer gw =
        start("tls_server_config:\n  cert_file: tls.pem\n  key_file: tls.key\n", own)) {
      URI ready = gw.uris().getFirst().resolve("/-/ready");
      assertThat(get(server.trustingContext(null), ready, false).statusCode()).isEqualTo(200);

      TestCertificates.Generated next =
          TestCertificates.generate(own, "next", "RSA", "ip:127.0.0.1");
      Files.copy(
          next.certPem(),
          own.resolve("tls.pem"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.copy(
          next.keyPem(), own.resolve("tls.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      for (String f : List.of("tls.pem", "tls.key")) {
        Files.setLastModifiedTime(
            own.resolve(f), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
      }
      // The request that notices the change still arrives over the old certificate.
      assertThat(get(server.trustingContext(null), ready, false).statusCode()).isEqualTo(200);

      assertThat(get(next.trustingContext(null), ready, false).statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> get(server.trustingContext(null), ready, false))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void verified_client_certificates_are_required_when_configured() throws Exception {
    Path own = Files.createDirectory(dir.resolve("mtls"));
    String yaml =
        "tls_server_config:\n  cert_file: "
            + server.certPem()
            + "\n  key_file: "
            + server.keyPem()
            + "\n  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: "
            + client.certPem()
            + "\n";
    try (GatewayServer gw = start(yaml, own)) {
      URI ready = gw.uris().getFirst().resolve("/-/ready");

      assertThat(get(server.trustingContext(client), ready, false).statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> get(server.trustingContext(null), ready, false))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void a_client_certificate_without_an_allowed_san_is_refused() throws Exception {
    Path own = Files.createDirectory(dir.resolve("sans"));
    String yaml =
        "tls_server_config:\n  cert_file: "
            + server.certPem()
            + "\n  key_file: "
            + server.keyPem()
            + "\n  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: "
            + client.certPem()
            + "\n  client_allowed_sans: [other.example]\n";
    try (GatewayServer gw = start(yaml, own)) {
      URI ready = gw.uris().getFirst().resolve("/-/ready");

      assertThatThrownBy(() -> get(server.trustingContext(client), ready, false))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void tls_versions_outside_the_configured_range_are_refused() throws Exception {
    Path own = Files.createDirectory(dir.resolve("versions"));
    String yaml =
        "tls_server_config:\n  cert_file: "
            + server.certPem()
            + "\n  key_file: "
            + server.keyPem()
            + "\n  min_version: TLS13\n";
    try (GatewayServer gw = start(yaml, own)) {
      String url = gw.uris().getFirst().resolve("/-/ready").toString();

      assertThat(curl("-s", "--cacert", server.certPem().toString(), "--tlsv1.3", url))
          .isEqualTo("OK");
      assertThat(
              curl(
                  "-s",
                  "-o",
                  "/dev/null",
                  "-w",
                  "%{http_code}",
                  "--cacert",
                  server.certPem().toString(),
                  "--tls-max",
                  "1.2",
                  url))
          .isEqualTo("000");
    }
  }

  static String curl(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("curl", "--max-time", "20"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
