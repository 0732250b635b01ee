package io.pushmill.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.metrics.Labels;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code sanitizeLabels} as a numbered table of {body, grouping, stored}. */
class LabelSanitizerTest {
  record Case(int no, Labels body, Labels grouping, Labels expected) {
    @Override
    public String toString() {
      return no + ": " + body + " in " + grouping;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(1, Labels.EMPTY, Labels.of("job", "j"), Labels.of("instance", "", "job", "j")),
        new Case(2, Labels.of("job", "job2", "instance", "instance1"), Labels.of("job", "job1", "instance", "instance2"), Labels.of("instance", "instance2", "job", "job1")),
        new Case(3, Labels.of("job", "job1"), Labels.of("job", "job1", "instance", "instance2"), Labels.of("instance", "instance2", "job", "job1")),
        new Case(4, Labels.of("instance", "bodyinst"), Labels.of("job", "j7"), Labels.of("instance", "bodyinst", "job", "j7")),
        new Case(5, Labels.of("x", "y", "a", "b"), Labels.of("job", "j", "z", "1"), Labels.of("a", "b", "instance", "", "job", "j", "x", "y", "z", "1")),
        new Case(6, Labels.of("x", ""), Labels.of("job", "j"), Labels.of("instance", "", "job", "j", "x", "")),
        new Case(7, Labels.of("job", "a", "job", "b"), Labels.of("job", "j"), Labels.of("instance", "", "job", "j", "job", "b")),
        new Case(8, Labels.of("instance", ""), Labels.of("job", "j", "instance", "i"), Labels.of("instance", "i", "job", "j")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void body_labels_are_sanitised_as_upstream_does(Case c) {
    LabelSanitizer sanitizer = new LabelSanitizer(new Interner());

    Labels sanitized = sanitizer.sanitize(c.body(), c.grouping());

    assertThat(sanitized).isEqualTo(c.expected());
  }
}
