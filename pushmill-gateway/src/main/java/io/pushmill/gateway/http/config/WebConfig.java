package io.pushmill.gateway.http.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contents of {@code --web.config.file}, in the exporter-toolkit's format: TLS, extra response
 * headers, basic-auth users with bcrypt hashes, a rate limit. {@link #toString()} never shows
 * secrets.
 */
public record WebConfig(
    Optional<Tls> tls,
    boolean http2,
    Map<String, String> headers,
    Map<String, String> basicAuthUsers,
    Optional<RateLimit> rateLimit) {

  public WebConfig {
    headers = Map.copyOf(headers);
    basicAuthUsers = Map.copyOf(basicAuthUsers);
  }

  /** No TLS, no users, no headers: what an empty file means. */
  public static WebConfig empty() {
    return new WebConfig(Optional.empty(), true, Map.of(), Map.of(), Optional.empty());
  }

  @Override
  public String toString() {
    return "WebConfig[tls="
        + tls.isPresent()
        + ", headers="
        + headers.keySet()
        + ", users="
        + basicAuthUsers.keySet()
        + ", rateLimit="
        + rateLimit
        + "]";
  }

  /**
   * {@code tls_server_config}. Files are resolved against the configuration file's directory;
   * inline PEM ({@code cert}, {@code key}, {@code client_ca}) is used when no file is given.
   */
  public record Tls(
      Optional<Path> certFile,
      Optional<String> cert,
      Optional<Path> keyFile,
      Optional<String> key,
      String clientAuthType,
      Optional<Path> clientCaFile,
      Optional<String> clientCa,
      List<String> clientAllowedSans,
      String minVersion,
      String maxVersion,
      List<String> cipherSuites,
      boolean preferServerCipherSuites,
      List<String> curvePreferences) {

    public Tls {
      clientAllowedSans = List.copyOf(clientAllowedSans);
      cipherSuites = List.copyOf(cipherSuites);
      curvePreferences = List.copyOf(curvePreferences);
    }

    @Override
    public String toString() {
      return "Tls[certFile="
          + certFile
          + ", keyFile="
          + keyFile
          + ", clientAuthType="
          + clientAuthType
          + ", minVersion="
          + minVersion
          + ", maxVersion="
          + maxVersion
          + "]";
    }
  }

  /** {@code rate_limit}: one request per {@code interval}, bursts of {@code burst}. */
  public record RateLimit(Duration interval, int burst) {}
}
