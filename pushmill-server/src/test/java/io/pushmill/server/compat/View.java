package io.pushmill.server.compat;

import java.util.Map;
import java.util.TreeMap;

/**
 * The part of a response that a comparison looks at: the status, the headers that matter, and
 * the body after the normalisation its {@link Compare} mode applies.
 */
record View(int status, Map<String, String> headers, String body) {
  View {
    headers = new TreeMap<>(headers);
  }

  String render() {
    StringBuilder out = new StringBuilder().append(status).append('\n');
    headers.forEach((name, value) -> out.append(name).append(": ").append(value).append('\n'));
    return out.append('\n').append(body).toString();
  }
}
