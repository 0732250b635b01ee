package io.pushmill.gateway.http.gocompat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Pushgateway's base64 for URL segments: every trailing {@code =} is stripped, then the rest is
 * decoded with Go's {@code base64.RawURLEncoding}: the URL-safe alphabet, no padding, non-zero
 * trailing bits accepted, CR and LF skipped. Java's decoders differ on all of these, and an error
 * must report Go's byte offset and the bytes decoded before it.
 */
public final class GoBase64 {
  private static final byte[] DECODE = new byte[256];

  static {
    Arrays.fill(DECODE, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      DECODE[alphabet.charAt(i)] = (byte) i;
    }
  }

  private GoBase64() {}

  /**
   * The outcome of a decode: the bytes decoded (all of them, or those of the complete groups before
   * the error) and, on failure, Go's error text {@code illegal base64 data at input byte N}.
   */
  public record Decoded(byte[] bytes, Optional<String> error) {}

  /** Strips trailing {@code =} and decodes the rest as Go's {@code RawURLEncoding} does. */
  public static Decoded decodeTrimmed(byte[] src) {
    int end = src.length;
    while (end > 0 && src[end - 1] == '=') {
      end--;
    }
    return decodeRaw(Arrays.copyOf(src, end));
  }

  private static Decoded decodeRaw(byte[] src) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length);
    int si = 0;
    while (si < src.length) {
      int[] buf = new int[4];
      int len = 0;
      while (len < 4 && si < src.length) {
        int in = src[si++] & 0xff;
        if (DECODE[in] >= 0) {
          buf[len++] = DECODE[in];
        } else if (in != '\n' && in != '\r') {
          return failed(out, si - 1);
        }
      }
      if (len == 1) {
        return failed(out, si - 1); // Go reports end-1 here, even when a skipped CR/LF is there
      }
      int val = buf[0] << 18 | buf[1] << 12 | buf[2] << 6 | buf[3];
      for (int k = 0; k < len - 1; k++) {
        out.write(val >> (16 - 8 * k));
      }
    }
    return new Decoded(out.toByteArray(), Optional.empty());
  }

  private static Decoded failed(ByteArrayOutputStream decodedSoFar, int offset) {
    return new Decoded(
        decodedSoFar.toByteArray(), Optional.of("illegal base64 data at input byte " + offset));
  }
}
