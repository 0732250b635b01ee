package io.pushmill.server.ui;

import io.pushmill.runner.model.ScriptPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Item paths in the UI's URLs: {@code /scripts/p/u/admin/x}, each segment encoded. */
final class Paths {
  private Paths() {}

  /** The path after a route's prefix, as a script or schedule path (400 when malformed). */
  static ScriptPath of(UiRequest r) {
    return ScriptPath.of(r.rest());
  }

  /** {@code prefix} followed by the path's segments, each URL-encoded. */
  static String under(String prefix, ScriptPath path) {
    StringBuilder sb = new StringBuilder(prefix);
    String[] segments = path.value().split("/");
    for (int i = 0; i < segments.length; i++) {
      sb.append(i == 0 ? "" : "/")
          .append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return sb.toString();
  }
}
