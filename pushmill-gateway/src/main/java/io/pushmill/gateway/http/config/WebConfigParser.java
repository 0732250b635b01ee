package io.pushmill.gateway.http.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.pushmill.gateway.http.gocompat.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the exporter-toolkit's web configuration strictly, as upstream's {@code UnmarshalStrict}:
 * unknown keys are errors, header names and values are checked, password hashes must be bcrypt.
 * Messages name the key that is wrong and never show a secret.
 */
public final class WebConfigParser {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
  private static final Map<String, List<String>> HEADERS =
      Map.of(
          "Strict-Transport-Security", List.of(),
          "X-Content-Type-Options", List.of("nosniff"),
          "X-Frame-Options", List.of("deny", "sameorigin"),
          "X-XSS-Protection", List.of(),
          "Content-Security-Policy", List.of());
  private static final Set<String> CLIENT_AUTH =
      Set.of(
          "",
          "NoClientCert",
          "RequestClientCert",
          "RequireAnyClientCert",
          "RequireClientCert",
          "VerifyClientCertIfGiven",
          "RequireAndVerifyClientCert");
  private static final Set<String> VERSIONS = Set.of("TLS10", "TLS11", "TLS12", "TLS13");
  private static final Set<String> CURVES = Set.of("CurveP256", "CurveP384", "CurveP521", "X25519");

  private WebConfigParser() {}

  /**
   * Parses a configuration file's bytes.
   *
   * @param dir the file's directory, against which relative TLS file paths are resolved
   * @throws WebConfigException naming what is wrong
   */
  public static WebConfig parse(byte[] yaml, Path dir) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new WebConfigException("not valid YAML" + where);
    } catch (java.io.IOException e) {
      throw new WebConfigException("not valid YAML", e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return WebConfig.empty();
    }
    object(root, "the top level");
    allowOnly(
        root,
        "the top level",
        Set.of("tls_server_config", "http_server_config", "basic_auth_users", "rate_limit"));
    JsonNode http = root.path("http_server_config");
    if (!http.isMissingNode()) {
      object(http, "http_server_config");
      allowOnly(http, "http_server_config", Set.of("http2", "headers"));
    }
    return new WebConfig(
        tls(root.path("tls_server_config"), dir),
        !http.has("http2") || bool(http.get("http2"), "http_server_config.http2"),
        headers(http.path("headers")),
        users(root.path("basic_auth_users")),
        rateLimit(root.path("rate_limit")));
  }

  private static Optional<WebConfig.Tls> tls(JsonNode n, Path dir) {
    if (n.isMissingNode() || n.isNull()) {
      return Optional.empty();
    }
    String where = "tls_server_config";
    object(n, where);
    allowOnly(
        n,
        where,
        Set.of(
            "cert",
            "key",
            "client_ca",
            "cert_file",
            "key_file",
            "client_auth_type",
            "client_ca_file",
            "client_allowed_sans",
            "min_version",
            "max_version",
            "cipher_suites",
            "prefer_server_cipher_suites",
            "curve_preferences"));
    WebConfig.Tls tls =
        new WebConfig.Tls(
            file(n, "cert_file", dir),
            text(n, "cert"),
            file(n, "key_file", dir),
            text(n, "key"),
            oneOf(n, "client_auth_type", CLIENT_AUTH, ""),
            file(n, "client_ca_file", dir),
            text(n, "client_ca"),
            list(n, "client_allowed_sans"),
            oneOf(n, "min_version", VERSIONS, "TLS12"),
            oneOf(n, "max_version", VERSIONS, "TLS13"),
            list(n, "cipher_suites"),
            !n.has("prefer_server_cipher_suites")
                || bool(
                    n.get("prefer_server_cipher_suites"), where + ".prefer_server_cipher_suites"),
            list(n, "curve_preferences"));
    for (String curve : tls.curvePreferences()) {
      if (!CURVES.contains(curve)) {
        throw new WebConfigException("unknown curve: " + curve);
      }
    }
    boolean enabled =
        tls.certFile().isPresent()
            || tls.cert().isPresent()
            || tls.keyFile().isPresent()
            || tls.key().isPresent()
            || tls.clientCaFile().isPresent()
            || tls.clientCa().isPresent()
            || !tls.clientAuthType().isEmpty();
    if (!enabled) {
      return Optional.empty();
    }
    if (tls.certFile().isEmpty() && tls.cert().isEmpty()) {
      throw new WebConfigException("missing one of cert or cert_file");
    }
    if (tls.keyFile().isEmpty() && tls.key().isEmpty()) {
      throw new WebConfigException("missing one of key or key_file");
    }
    return Optional.of(tls);
  }

  private static Map<String, String> headers(JsonNode n) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (n.isMissingNode() || n.isNull()) {
      return headers;
    }
    object(n, "http_server_config.headers");
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      List<String> allowed = HEADERS.get(e.getKey());
      if (allowed == null) {
        throw new WebConfigException("HTTP header \"" + e.getKey() + "\" can not be configured");
      }
      String value = e.getValue().asText();
      if (!allowed.isEmpty() && !allowed.contains(value)) {
        throw new WebConfigException(
            "invalid value for "
                + e.getKey()
                + ". Expected one of: "
                + allowed
                + ", but got: \""
                + value
                + "\"");
      }
      headers.put(e.getKey(), value);
    }
    return headers;
  }

  private static Map<String, String> users(JsonNode n) {
    Map<String, String> users = new LinkedHashMap<>();
    if (n.isMissingNode() || n.isNull()) {
      return users;
    }
    object(n, "basic_auth_users");
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String hash = e.getValue().asText();
      if (!e.getValue().isTextual() || !BCRYPT.matcher(hash).matches()) {
        throw new WebConfigException(
            "basic_auth_users: the password hash of user \""
                + e.getKey()
                + "\" is not a bcrypt hash");
      }
      users.put(e.getKey(), hash);
    }
    return users;
  }

  private static Optional<WebConfig.RateLimit> rateLimit(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return Optional.empty();
    }
    object(n, "rate_limit");
    allowOnly(n, "rate_limit", Set.of("interval", "burst"));
    Duration interval = Duration.ZERO;
    JsonNode i = n.path("interval");
    if (i.isIntegralNumber()) {
      interval = Duration.ofNanos(i.asLong());
    } else if (i.isTextual()) {
      try {
        interval = GoDuration.parse(i.asText());
      } catch (IllegalArgumentException e) {
        throw new WebConfigException("rate_limit.interval: " + e.getMessage());
      }
    }
    JsonNode b = n.path("burst");
    if (!b.isMissingNode() && !b.isIntegralNumber()) {
      throw new WebConfigException("rate_limit.burst must be an integer");
    }
    return interval.isZero()
        ? Optional.empty()
        : Optional.of(new WebConfig.RateLimit(interval, b.asInt(0)));
  }

  private static void object(JsonNode n, String where) {
    if (!n.isObject()) {
      throw new WebConfigException(where + " must be a mapping");
    }
  }

  private static void allowOnly(JsonNode n, String where, Set<String> keys) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!keys.contains(k)) {
        throw new WebConfigException("field " + k + " not found in " + where);
      }
    }
  }

  private static boolean bool(JsonNode n, String where) {
    if (!n.isBoolean()) {
      throw new WebConfigException(where + " must be true or false");
    }
    return n.asBoolean();
  }

  private static Optional<String> text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull() || v.asText().isEmpty()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new WebConfigException("tls_server_config." + key + " must be a string");
    }
    return Optional.of(v.asText());
  }

  private static Optional<Path> file(JsonNode n, String key, Path dir) {
    return text(n, key).map(f -> dir.resolve(f));
  }

  private static String oneOf(JsonNode n, String key, Set<String> allowed, String dflt) {
    String v = text(n, key).orElse(dflt);
    if (!allowed.contains(v)) {
      throw new WebConfigException("tls_server_config." + key + ": unknown value \"" + v + "\"");
    }
    return v;
  }

  private static List<String> list(JsonNode n, String key) {
    JsonNode v = n.get(key);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw new WebConfigException("tls_server_config." + key + " must be a list");
    }
    v.forEach(e -> out.add(e.asText()));
    return out;
  }
}
