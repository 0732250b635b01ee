package io.pushmill.server.api.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The admin's bearer token: from {@code PUSHMILL_ADMIN_TOKEN}, else from {@code
 * <data-dir>/admin-token}, which is generated (32 random bytes, URL-safe base64, mode 0600) on the
 * first start. {@link #toString()} and {@link #source()} never show more than a short prefix.
 */
public final class AdminToken {
  public static final String ENV = "PUSHMILL_ADMIN_TOKEN";
  public static final String FILE_NAME = "admin-token";
  private static final int PREFIX = 4;

  private final String value;
  private final String source;
  private final boolean generated;

  private AdminToken(String value, String source) {
    this(value, source, false);
  }

  private AdminToken(String value, String source, boolean generated) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("the admin token from " + source + " is empty");
    }
    this.value = value.strip();
    this.source = source;
    this.generated = generated;
  }

  /** A token given directly, e.g. in tests. */
  public static AdminToken of(String value) {
    return new AdminToken(value, "the caller");
  }

  /** The token from the environment, else the data directory's file, created when missing. */
  public static AdminToken resolve(Map<String, String> env, Path dataDir) {
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new AdminToken(fromEnv, "the environment variable " + ENV);
    }
    Path file = dataDir.resolve(FILE_NAME);
    return read(file).orElseGet(() -> generate(file));
  }

  /** The token in a file, if the file exists. */
  public static Optional<AdminToken> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new AdminToken(Files.readString(file, StandardCharsets.UTF_8),
          "the file " + file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the admin token file " + file, e);
    }
  }

  private static AdminToken generate(Path file) {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      // Written in full to a private temp file first, so another process never reads half a token.
      Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
      try {
        Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return new AdminToken(token, "the new file " + file, true);
    } catch (FileAlreadyExistsException e) {
      // Another process of the same data directory wrote it first: use theirs.
      return read(file).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the admin token file " + file, e);
    }
  }

  /** True when this start generated the token (no variable, no file before). */
  public boolean generated() {
    return generated;
  }

  /** Constant-time comparison with a presented token. */
  public boolean matches(String presented) {
    return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  /** The secret itself, for clients that send it and for deriving job-token keys. */
  public String value() {
    return value;
  }

  /** Where the token came from and its first characters, fit for a log line. */
  public String source() {
    return source + " (starts with " + value.substring(0, Math.min(PREFIX, value.length()))
        + "…)";
  }

  @Override
  public String toString() {
    return "AdminToken[" + source() + "]";
  }
}
