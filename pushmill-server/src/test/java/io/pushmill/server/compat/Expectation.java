package io.pushmill.server.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one gateway is documented to answer where the two deliberately differ: any of status,
 * exact (normalised) body, body prefix, lines it must contain or lack, and header values
 * ({@value #ABSENT} for a header that must not be sent).
 */
record Expectation(
    Optional<Integer> status,
    Optional<String> body,
    Optional<String> bodyPrefix,
    List<String> contains,
    List<String> lacks,
    Map<String, String> headers) {

  static final String ABSENT = "(absent)";

  Expectation {
    contains = List.copyOf(contains);
    lacks = List.copyOf(lacks);
    headers = Map.copyOf(headers);
    if (status.isEmpty() && body.isEmpty() && bodyPrefix.isEmpty() && contains.isEmpty()
        && lacks.isEmpty() && headers.isEmpty()) {
      throw new IllegalArgumentException("an expectation must expect something");
    }
  }

  /** The ways {@code view} misses this expectation; empty when it meets it. */
  List<String> misses(View view) {
    List<String> misses = new ArrayList<>();
    status.filter(s -> s != view.status()).ifPresent(s -> misses.add("status " + view.status() + ", expected " + s));
    body.filter(b -> !b.equals(view.body()))
        .ifPresent(b -> misses.add("body " + Texts.quote(view.body()) + ", expected " + Texts.quote(b)));
    bodyPrefix.filter(p -> !view.body().startsWith(p))
        .ifPresent(p -> misses.add("body " + Texts.quote(view.body()) + ", expected to start with " + Texts.quote(p)));
    for (String wanted : contains) {
      if (!view.body().contains(wanted)) {
        misses.add("body lacks " + Texts.quote(wanted));
      }
    }
    for (String unwanted : lacks) {
      if (view.body().contains(unwanted)) {
        misses.add("body contains " + Texts.quote(unwanted));
      }
    }
    headers.forEach(
        (name, value) -> {
          String actual = view.headers().getOrDefault(name, ABSENT);
          if (!actual.equals(value)) {
            misses.add("header " + name + ": " + actual + ", expected " + value);
          }
        });
    return misses;
  }
}
