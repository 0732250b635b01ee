package io.pushmill.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoutesTest {
  static final Endpoint A = r -> Reply.text("a");
  static final Endpoint B = r -> Reply.text("b");
  static final Endpoint C = r -> Reply.text("c");
  static final Routes ROUTES = new Routes()
      .get("/w/{ws}/scripts/get/p/{path*}", A)
      .get("/w/{ws}/jobs/list", B)
      .post("/w/{ws}/jobs_u/queue/cancel/{id}", C);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(1, "GET", "/w/demo/scripts/get/p/u/admin/x", A,
            Map.of("ws", "demo", "path", "u/admin/x")),
        Arguments.of(2, "GET", "/w/demo/scripts/get/p/f/a/b/c/d", A,
            Map.of("ws", "demo", "path", "f/a/b/c/d")),
        Arguments.of(3, "GET", "/w/demo/scripts/get/p/", A, Map.of("ws", "demo", "path", "")),
        Arguments.of(4, "GET", "/w/demo/scripts/get/p", null, null),
        Arguments.of(5, "POST", "/w/demo/scripts/get/p/u/admin/x", null, null),
        Arguments.of(6, "GET", "/w/demo/jobs/list", B, Map.of("ws", "demo")),
        Arguments.of(7, "GET", "/w/demo/jobs/list/more", null, null),
        Arguments.of(8, "POST", "/w/x/jobs_u/queue/cancel/123", C, Map.of("ws", "x", "id", "123")),
        Arguments.of(9, "POST", "/w/x/jobs_u/queue/cancel", null, null));
  }

  @ParameterizedTest(name = "case {0}: {1} {2}")
  @MethodSource("cases")
  void routes_match_literal_segments_single_captures_and_the_rest_of_the_path(int n,
      String method, String path, Endpoint expected, Map<String, String> params) {
    Optional<Routes.Match> match = ROUTES.match(method, path);

    if (expected == null) {
      assertThat(match).isEmpty();
    } else {
      assertThat(match).isPresent();
      assertThat(match.get().endpoint()).isSameAs(expected);
      assertThat(match.get().params()).isEqualTo(params);
    }
  }
}
