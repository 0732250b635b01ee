package io.pushmill.server.ui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens for session ids and CSRF tokens, their comparison and their digests. */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** The length of {@link #random()}'s tokens. */
  static final int LENGTH = 43;

  private Secrets() {}

  /** 32 random bytes in URL-safe base64 without padding (43 characters). */
  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Compares in a time that does not depend on where the strings differ. */
  static boolean equal(String expected, String presented) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  /** SHA-256 in hex: sessions are kept by this digest, so a heap dump holds no usable id. */
  static String digest(String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
