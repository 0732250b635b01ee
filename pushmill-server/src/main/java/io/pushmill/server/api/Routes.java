package io.pushmill.server.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's route table. A pattern is a path under {@code /api} made of literal segments,
 * {@code {name}} for one segment, and a last {@code {name*}} for the rest of the path with its
 * slashes (Windmill's clients do not escape the slashes of item paths). The first match wins.
 */
public final class Routes {
  private final List<Route> routes = new ArrayList<>();

  /** A matched route: its endpoint and the captured segments. */
  public record Match(Endpoint endpoint, Map<String, String> params) {}

  private record Route(String method, String[] segments, Endpoint endpoint) {}

  public Routes add(String method, String pattern, Endpoint endpoint) {
    routes.add(new Route(method, split(pattern), endpoint));
    return this;
  }

  public Routes get(String pattern, Endpoint endpoint) {
    return add("GET", pattern, endpoint);
  }

  public Routes post(String pattern, Endpoint endpoint) {
    return add("POST", pattern, endpoint);
  }

  public Routes delete(String pattern, Endpoint endpoint) {
    return add("DELETE", pattern, endpoint);
  }

  /** The route for a method and a decoded path below {@code /api}, e.g. {@code /w/demo/jobs/list}. */
  public Optional<Match> match(String method, String path) {
    String[] segments = split(path);
    for (Route route : routes) {
      if (route.method().equals(method)) {
        Map<String, String> params = capture(route.segments(), segments);
        if (params != null) {
          return Optional.of(new Match(route.endpoint(), params));
        }
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> capture(String[] pattern, String[] path) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("*}")) {
        if (i >= path.length) {
          return null;
        }
        params.put(p.substring(1, p.length() - 2), String.join("/", List.of(path).subList(i,
            path.length)));
        return params;
      }
      if (i >= path.length) {
        return null;
      }
      if (p.startsWith("{")) {
        params.put(p.substring(1, p.length() - 1), path[i]);
      } else if (!p.equals(path[i])) {
        return null;
      }
    }
    return pattern.length == path.length ? params : null;
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }
}
