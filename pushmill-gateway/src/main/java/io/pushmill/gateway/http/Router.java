package io.pushmill.gateway.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small router that answers as upstream's (julienschmidt/httprouter via prometheus/common/route)
 * does where a client can see it: a known path with another method gets 405 and an {@code Allow}
 * header (OPTIONS always listed), OPTIONS on a known path gets 200 with {@code Allow}, a path that
 * matches with a slash more or less, or in another letter case, is redirected (301 for GET, 307
 * otherwise; only for methods that have routes), anything else is 404.
 *
 * <p>Patterns are paths with {@code :name} (one non-empty segment) and a final {@code /*name} (the
 * rest of the path, starting with its slash). Paths are byte strings (see {@link
 * io.pushmill.gateway.http.gocompat.GoPath}), already cleaned.
 */
final class Router {

  /** What a route does with a request; {@code params} holds the pattern's named parts. */
  @FunctionalInterface
  interface Endpoint {
    void handle(Exchange exchange, Map<String, String> params) throws Exception;
  }

  /** How the router answers a request. */
  sealed interface Outcome {
    record Handle(Endpoint endpoint, Map<String, String> params) implements Outcome {}

    record Redirect(int status, String path) implements Outcome {}

    record Options(String allow) implements Outcome {}

    record MethodNotAllowed(String allow) implements Outcome {}

    record NotFound() implements Outcome {}
  }

  private final Map<String, List<Route>> routes = new LinkedHashMap<>();
  private final Map<String, String> quirkRedirects = new HashMap<>();

  /** Adds a route; the same method and pattern twice is a programming error. */
  Router add(String method, String pattern, Endpoint endpoint) {
    List<Route> list = routes.computeIfAbsent(method, m -> new ArrayList<>());
    for (Route r : list) {
      if (r.pattern.equals(pattern)) {
        throw new IllegalArgumentException("route registered twice: " + method + " " + pattern);
      }
    }
    list.add(new Route(pattern, endpoint));
    return this;
  }

  /**
   * Adds a trailing-slash redirect that httprouter's tree produces for one path shape only (a slash
   * right before a parameter, where two routes branch), e.g. {@code /metrics/job/}.
   */
  Router quirkRedirect(String method, String from, String to) {
    quirkRedirects.put(method + " " + from, to);
    return this;
  }

  Outcome route(String method, String path) {
    List<Route> tree = routes.get(method);
    if (tree != null) {
      Optional<Outcome> found = find(tree, method, path);
      if (found.isPresent()) {
        return found.get();
      }
    }
    String allow = allowed(path, method);
    if (allow.isEmpty()) {
      return new Outcome.NotFound();
    }
    return method.equals("OPTIONS")
        ? new Outcome.Options(allow)
        : new Outcome.MethodNotAllowed(allow);
  }

  private Optional<Outcome> find(List<Route> tree, String method, String path) {
    for (Route r : tree) {
      Optional<Map<String, String>> params = r.match(path);
      if (params.isPresent()) {
        return Optional.of(new Outcome.Handle(r.endpoint, params.get()));
      }
    }
    if (method.equals("CONNECT") || path.equals("/")) {
      return Optional.empty();
    }
    int code = method.equals("GET") ? 301 : 307;
    return trailingSlashFix(tree, method, path)
        .or(() -> caseFix(tree, path))
        .map(fixed -> new Outcome.Redirect(code, fixed));
  }

  private Optional<String> trailingSlashFix(List<Route> tree, String method, String path) {
    String quirk = quirkRedirects.get(method + " " + path);
    if (quirk != null) {
      return Optional.of(quirk);
    }
    String other = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
    return tree.stream().anyMatch(r -> r.match(other).isPresent())
        ? Optional.of(other)
        : Optional.empty();
  }

  private static Optional<String> caseFix(List<Route> tree, String path) {
    String other = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
    for (String candidate : List.of(path, other)) {
      for (Route r : tree) {
        Optional<String> fixed = r.caseInsensitiveFix(candidate);
        if (fixed.isPresent()) {
          return fixed;
        }
      }
    }
    return Optional.empty();
  }

  private String allowed(String path, String requestMethod) {
    TreeSet<String> allow = new TreeSet<>();
    routes.forEach(
        (method, tree) -> {
          if (!method.equals(requestMethod)
              && !method.equals("OPTIONS")
              && tree.stream().anyMatch(r -> r.match(path).isPresent())) {
            allow.add(method);
          }
        });
    if (allow.isEmpty()) {
      return "";
    }
    allow.add("OPTIONS");
    return String.join(", ", allow);
  }

  /** A compiled pattern. */
  private static final class Route {
    private final String pattern;
    private final Endpoint endpoint;
    private final List<String> parts = new ArrayList<>(); // static text, ":name" or "*name"
    private final Pattern exact;
    private final Pattern ignoringCase;

    Route(String pattern, Endpoint endpoint) {
      this.pattern = pattern;
      this.endpoint = endpoint;
      StringBuilder exactRe = new StringBuilder();
      StringBuilder caseRe = new StringBuilder();
      Matcher m = Pattern.compile("([:*])([A-Za-z]+)").matcher(pattern);
      int last = 0;
      while (m.find()) {
        String text = pattern.substring(last, m.start());
        boolean catchAll = m.group(1).equals("*");
        if (catchAll) {
          if (!text.endsWith("/") || m.end() != pattern.length()) {
            throw new IllegalArgumentException("a catch-all must end the pattern: " + pattern);
          }
          text = text.substring(0, text.length() - 1);
        }
        appendStatic(text, exactRe, caseRe);
        String group = catchAll ? "(?<" + m.group(2) + ">/.*)" : "(?<" + m.group(2) + ">[^/]+)";
        exactRe.append(group);
        caseRe.append(group);
        parts.add(m.group(1) + m.group(2));
        last = m.end();
      }
      appendStatic(pattern.substring(last), exactRe, caseRe);
      this.exact = Pattern.compile(exactRe.toString(), Pattern.DOTALL);
      this.ignoringCase = Pattern.compile(caseRe.toString(), Pattern.DOTALL);
    }

    private void appendStatic(String text, StringBuilder exactRe, StringBuilder caseRe) {
      if (text.isEmpty()) {
        return;
      }
      parts.add(text);
      exactRe.append(Pattern.quote(text));
      caseRe.append("(?i:").append(Pattern.quote(text)).append(')');
    }

    Optional<Map<String, String>> match(String path) {
      Matcher m = exact.matcher(path);
      return m.matches() ? Optional.of(params(m)) : Optional.empty();
    }

    Optional<String> caseInsensitiveFix(String path) {
      Matcher m = ignoringCase.matcher(path);
      if (!m.matches()) {
        return Optional.empty();
      }
      StringBuilder fixed = new StringBuilder();
      for (String part : parts) {
        boolean param = part.startsWith(":") || part.startsWith("*");
        fixed.append(param ? m.group(part.substring(1)) : part);
      }
      return Optional.of(fixed.toString());
    }

    private Map<String, String> params(Matcher m) {
      Map<String, String> params = new HashMap<>();
      for (String part : parts) {
        if (part.startsWith(":") || part.startsWith("*")) {
          params.put(part.substring(1), m.group(part.substring(1)));
        }
      }
      return params;
    }
  }
}
