package io.pushmill.gateway.http.gocompat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * URL path handling as Go's {@code net/http} and {@code net/url} do it: percent-decoding into raw
 * bytes, {@code path.Clean}, the mux's clean-but-keep-the-trailing-slash rule, and escaping a path
 * back for a {@code Location} header.
 *
 * <p>Decoded paths are carried as "byte strings": Java strings whose chars are the path's bytes
 * (ISO-8859-1), so that routing can compare ASCII while label values keep their exact bytes.
 */
public final class GoPath {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private GoPath() {}

  /** Percent-decodes a raw path into a byte string; empty for a malformed escape. */
  public static Optional<String> decode(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
          return Optional.empty();
        }
        out.write(hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2)));
        i += 2;
      } else if (c < 0x80) {
        out.write(c);
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
      }
    }
    return Optional.of(out.toString(StandardCharsets.ISO_8859_1));
  }

  /** The bytes of a byte string. */
  public static byte[] bytes(String byteString) {
    return byteString.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** The Go mux's {@code cleanPath}: {@link #clean}, but a trailing slash survives. */
  public static String cleanKeepingTrailingSlash(String p) {
    if (p.isEmpty()) {
      return "/";
    }
    if (p.charAt(0) != '/') {
      p = "/" + p;
    }
    String np = clean(p);
    if (p.endsWith("/") && !np.equals("/")) {
      np += "/";
    }
    return np;
  }

  /** Go's {@code path.Join} of two elements. */
  public static String join(String a, String b) {
    if (a.isEmpty() && b.isEmpty()) {
      return "";
    }
    return clean(a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b);
  }

  /**
   * Go's {@code path.Clean}: one slash between elements, no {@code .} elements, {@code ..} removed
   * with the element before it, no {@code ..} above the root, no trailing slash but for the root.
   */
  public static String clean(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    boolean rooted = p.charAt(0) == '/';
    StringBuilder out = new StringBuilder(p.length());
    int n = p.length();
    int r = 0;
    int dotdot = 0;
    if (rooted) {
      out.append('/');
      r = 1;
      dotdot = 1;
    }
    while (r < n) {
      if (p.charAt(r) == '/') {
        r++;
      } else if (p.charAt(r) == '.' && (r + 1 == n || p.charAt(r + 1) == '/')) {
        r++;
      } else if (p.charAt(r) == '.'
          && p.charAt(r + 1) == '.'
          && (r + 2 == n || p.charAt(r + 2) == '/')) {
        r += 2;
        if (out.length() > dotdot) {
          int w = out.length() - 1;
          while (w > dotdot && out.charAt(w) != '/') {
            w--;
          }
          out.setLength(w);
        } else if (!rooted) {
          if (!out.isEmpty()) {
            out.append('/');
          }
          out.append("..");
          dotdot = out.length();
        }
      } else {
        if ((rooted && out.length() != 1) || (!rooted && !out.isEmpty())) {
          out.append('/');
        }
        while (r < n && p.charAt(r) != '/') {
          out.append(p.charAt(r++));
        }
      }
    }
    return out.isEmpty() ? "." : out.toString();
  }

  /**
   * Escapes a byte-string path as Go's {@code url.URL.EscapedPath} does when it has no raw form:
   * letters, digits, {@code -_.~$&+,/:;=@} stay, everything else becomes {@code %XX}.
   */
  public static String escape(String byteStringPath) {
    StringBuilder sb = new StringBuilder(byteStringPath.length() + 8);
    for (int i = 0; i < byteStringPath.length(); i++) {
      char c = byteStringPath.charAt(i);
      if (isUnescapedInPath(c)) {
        sb.append(c);
      } else {
        sb.append('%').append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  private static boolean isUnescapedInPath(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-_.~$&+,/:;=@".indexOf(c) >= 0;
  }
}
