package io.pushmill.gateway.http.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The UI's static files, served from the classpath under {@code /static/}. */
public final class WebAssets {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+\\.[a-z]+");
  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8");

  /** A file's bytes and Content-Type. */
  public record Asset(byte[] bytes, String contentType) {}

  private WebAssets() {}

  /** The asset at {@code /static/<name>}; empty for anything else. */
  public static Optional<Asset> find(String name) {
    if (!NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = WebAssets.class.getResourceAsStream("static/" + name)) {
      return in == null ? Optional.empty() : Optional.of(new Asset(in.readAllBytes(), type));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read UI asset " + name, e);
    }
  }
}
