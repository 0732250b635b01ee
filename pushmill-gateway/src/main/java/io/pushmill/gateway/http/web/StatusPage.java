package io.pushmill.gateway.http.web;

import static io.pushmill.gateway.http.gocompat.GoHtml.escape;

import io.pushmill.gateway.http.BuildInfo;
import io.pushmill.gateway.http.gocompat.GoTime;
import io.pushmill.gateway.store.GroupSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The web UI at {@code /} and {@code /status}: a Metrics tab with one collapsible section per group
 * and a Status tab with the start time, the build and the flags. Server-rendered, every value
 * escaped; the only script ({@code static/pushmill.js}) switches tabs and sends the deletions, so
 * the page works under a strict Content-Security-Policy.
 */
public final class StatusPage {

  /**
   * What the page shows.
   *
   * @param pathPrefix where links and assets live: the external URL's path, or {@code .}
   * @param adminApi whether to offer "Delete All Groups"
   */
  public record Model(
      List<GroupSnapshot> groups,
      Map<String, String> flags,
      BuildInfo build,
      Instant startTime,
      String pathPrefix,
      boolean adminApi) {}

  private StatusPage() {}

  /** The whole HTML document. */
  public static String render(Model m) {
    StringBuilder sb = new StringBuilder(16 * 1024);
    String assets = escape(m.pathPrefix()) + "/static/";
    String version = "?v=" + escape(m.build().revision());
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n")
        .append("<meta name=\"robots\" content=\"noindex,nofollow\">\n")
        .append("<title>Pushmill Gateway</title>\n")
        .append("<link rel=\"stylesheet\" href=\"")
        .append(assets)
        .append("pushmill.css")
        .append(version)
        .append("\">\n")
        .append("<script defer src=\"")
        .append(assets)
        .append("pushmill.js")
        .append(version)
        .append("\"></script>\n</head>\n<body>\n");
    nav(sb);
    sb.append("<main id=\"metrics-tab\">\n");
    if (m.adminApi()) {
      sb.append("<div class=\"toolbar\"><button class=\"danger\" id=\"delete-all\"")
          .append(m.groups().isEmpty() ? " disabled" : "")
          .append(">Delete All <span class=\"count\">")
          .append(m.groups().size())
          .append("</span> Groups</button></div>\n");
    }
    if (m.groups().isEmpty()) {
      sb.append("<p class=\"empty\">No metrics have been pushed.</p>\n");
    }
    GroupSection.appendAll(sb, m.groups());
    sb.append("</main>\n");
    statusTab(sb, m);
    return sb.append("</body>\n</html>\n").toString();
  }

  private static void nav(StringBuilder sb) {
    sb.append("<nav><span class=\"brand\">Pushmill Gateway</span>")
        .append("<button class=\"tab active\" data-tab=\"metrics-tab\">Metrics</button>")
        .append("<button class=\"tab\" data-tab=\"status-tab\">Status</button></nav>\n");
  }

  private static void statusTab(StringBuilder sb, Model m) {
    sb.append("<section id=\"status-tab\" hidden>\n<h2>Runtime Information</h2>\n");
    table(sb, Map.of("Started", GoTime.rfc3339Nano(m.startTime())));
    sb.append("<h2>Build Information</h2>\n");
    table(sb, m.build().asMap());
    sb.append("<h2>Startup Flags</h2>\n");
    table(sb, m.flags());
    sb.append("</section>\n");
  }

  private static void table(StringBuilder sb, Map<String, String> rows) {
    sb.append("<table class=\"kv\"><tbody>\n");
    new TreeMap<>(rows)
        .forEach(
            (k, v) ->
                sb.append("<tr><th scope=\"row\">")
                    .append(escape(k))
                    .append("</th><td>")
                    .append(escape(v))
                    .append("</td></tr>\n"));
    sb.append("</tbody></table>\n");
  }
}
