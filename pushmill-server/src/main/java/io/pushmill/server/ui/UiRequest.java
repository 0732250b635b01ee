package io.pushmill.server.ui;

import io.pushmill.metrics.Labels;
import io.pushmill.server.ui.Sessions.Session;
import io.pushmill.server.ui.view.PageInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.util.Fields;

/**
 * One UI request as a route sees it: the method, the decoded path and what follows the route's
 * prefix, the query and (for a POST) the form, the session, and whether htmx sent it. Parameters
 * are read from the form first, then the query; an empty value counts as absent.
 */
final class UiRequest {
  /** Query and form fields that carry a grouping label: {@code l.job=batch}. */
  static final String LABEL_PREFIX = "l.";

  private final String method;
  private final String path;
  private final String rest;
  private final Fields query;
  private final Fields form;
  private final Optional<Session> session;
  private final boolean htmx;
  private final Instant now;
  private final Supplier<List<String>> workspaces;
  private final Map<String, String> cookies;
  private final boolean secure;

  UiRequest(String method, String path, String rest, Fields query, Fields form,
      Optional<Session> session, boolean htmx, Instant now, Supplier<List<String>> workspaces,
      Map<String, String> cookies, boolean secure) {
    this.method = method;
    this.path = path;
    this.rest = rest;
    this.query = query;
    this.form = form;
    this.session = session;
    this.htmx = htmx;
    this.now = now;
    this.workspaces = workspaces;
    this.cookies = Map.copyOf(cookies);
    this.secure = secure;
  }

  UiRequest withRest(String newRest) {
    return new UiRequest(method, path, newRest, query, form, session, htmx, now, workspaces,
        cookies, secure);
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  /** The path after the route's prefix, e.g. {@code u/admin/x} under {@code /scripts/p/}. */
  String rest() {
    return rest;
  }

  boolean htmx() {
    return htmx;
  }

  Instant now() {
    return now;
  }

  /** A cookie's value, when the request has it. */
  Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  /** True when the request came over TLS: cookies then get the Secure attribute. */
  boolean secure() {
    return secure;
  }

  Optional<Session> session() {
    return session;
  }

  /** The session's CSRF token; empty on the login page. */
  String csrf() {
    return session.map(Session::csrf).orElse("");
  }

  Optional<String> param(String name) {
    String v = form.getValue(name);
    if (v == null || v.isEmpty()) {
      v = query.getValue(name);
    }
    return Optional.ofNullable(v).filter(s -> !s.isEmpty());
  }

  String param(String name, String otherwise) {
    return param(name).orElse(otherwise);
  }

  /** A whole number, 400 naming the parameter when it is not one. */
  Optional<Long> longParam(String name) {
    return param(name).map(String::strip).map(v -> {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw UiException.badRequest(name + " must be a whole number, got '" + v + "'");
      }
    });
  }

  /** The page number, from 1; anything below counts as 1. */
  int page() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, longParam("page").orElse(1L)));
  }

  /** Every field of the form, for forms whose fields depend on the data (script arguments). */
  Fields form() {
    return form;
  }

  /** The grouping labels in {@code l.<name>} parameters (form and query together). */
  Labels labels() {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Fields source : List.of(form, query)) {
      for (Fields.Field f : source) {
        if (f.getName().startsWith(LABEL_PREFIX) && !names.contains(f.getName().substring(2))) {
          names.add(f.getName().substring(LABEL_PREFIX.length()));
          values.add(f.getValue());
        }
      }
    }
    return Labels.of(names, values);
  }

  String workspace() {
    return param("ws", PageInfo.DEFAULT_WORKSPACE);
  }

  /** What the layout needs to frame a page of this section. */
  PageInfo page(String title, String section) {
    return new PageInfo(title, section, csrf(), workspace(), workspaces.get(), now);
  }
}
