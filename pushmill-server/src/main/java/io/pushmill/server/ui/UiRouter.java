package io.pushmill.server.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The UI's routes: exact paths, and prefixes whose rest of the path (a script path, a job id and
 * an action) the action reads from {@link UiRequest#rest()}. Exact paths win; among prefixes the
 * first registered that matches.
 */
final class UiRouter {
  /** One route's work. */
  @FunctionalInterface
  interface Action {
    UiResponse handle(UiRequest request);
  }

  /** A matched route and the rest of the path after its prefix (empty for an exact route). */
  record Routed(Action action, String rest) {}

  private record Prefix(String method, String prefix, Action action) {}

  private final Map<String, Action> exact = new HashMap<>();
  private final List<Prefix> prefixes = new ArrayList<>();

  UiRouter get(String path, Action action) {
    exact.put("GET " + path, action);
    return this;
  }

  UiRouter post(String path, Action action) {
    exact.put("POST " + path, action);
    return this;
  }

  /** {@code prefix} ends with a slash; the route gets what follows it. */
  UiRouter getUnder(String prefix, Action action) {
    prefixes.add(new Prefix("GET", prefix, action));
    return this;
  }

  UiRouter postUnder(String prefix, Action action) {
    prefixes.add(new Prefix("POST", prefix, action));
    return this;
  }

  Optional<Routed> route(String method, String path) {
    Action a = exact.get(method + " " + path);
    if (a != null) {
      return Optional.of(new Routed(a, ""));
    }
    for (Prefix p : prefixes) {
      if (p.method().equals(method) && path.startsWith(p.prefix())
          && path.length() > p.prefix().length()) {
        return Optional.of(new Routed(p.action(), path.substring(p.prefix().length())));
      }
    }
    return Optional.empty();
  }

  /** True when some route has this path with another method (405 rather than 404). */
  boolean knowsPath(String path) {
    return exact.containsKey("GET " + path) || exact.containsKey("POST " + path)
        || prefixes.stream().anyMatch(p -> path.startsWith(p.prefix())
            && path.length() > p.prefix().length());
  }
}
