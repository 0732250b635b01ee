package io.pushmill.gateway.store;

import static io.pushmill.gateway.store.Pushes.T0;
import static io.pushmill.gateway.store.Pushes.counter;
import static io.pushmill.gateway.store.Pushes.family;
import static io.pushmill.gateway.store.Pushes.gauge;
import static io.pushmill.gateway.store.Pushes.histogram;
import static io.pushmill.gateway.store.Pushes.key;
import static io.pushmill.gateway.store.Pushes.post;
import static io.pushmill.gateway.store.Pushes.put;
import static io.pushmill.gateway.store.Pushes.summary;
import static io.pushmill.gateway.store.Pushes.untyped;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each reason upstream's gather refuses a push for, and near misses that must pass: a numbered
 * table of {given pushes, push, expected refusal}. An empty expectation means accepted. A refused
 * push must leave every family but {@code push_failure_time_seconds} as it was.
 */
class ConsistencyCheckTest {
  static final String PREFIX = "pushed metrics are invalid or inconsistent with existing metrics: ";
  static final OwnMetrics OWN =
      name ->
          switch (name) {
            case "go_goroutines" -> Optional.of(new OwnMetrics.Shape(MetricType.GAUGE, "goroutines"));
            case "own_summary" -> Optional.of(new OwnMetrics.Shape(MetricType.SUMMARY, "own s"));
            case "own_thing_count" -> Optional.of(new OwnMetrics.Shape(MetricType.COUNTER, "own c"));
            default -> Optional.empty();
          };

  record Case(int no, String what, List<PushRequest> given, PushRequest push, String refusal) {
    @Override
    public String toString() {
      return no + ": " + what;
    }
  }

  private static final GroupingKey A = key("job", "a");
  private static final GroupingKey B = key("job", "b");

  private static Case ok(int no, String what, List<PushRequest> given, PushRequest push) {
    return new Case(no, what, given, push, "");
  }

  private static Case refused(
      int no, String what, List<PushRequest> given, PushRequest push, String refusal) {
    return new Case(no, what, given, push, refusal);
  }

  private static PushRequest putA(String body) {
    return put(A, body, T0);
  }

  private static PushRequest putB(String body) {
    return put(B, body, T0);
  }

  private static PushRequest putB(MetricFamily... families) {
    return put(B, T0, families);
  }

  private static final String SUMMARY_S = "# TYPE s summary\ns_sum 1\ns_count 1\n";
  private static final String HISTOGRAM_H = "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n";

  static Stream<Case> cases() {
    return Stream.of(
        refused(1, "same name, other type in another group", List.of(putA("# TYPE m counter\nm 1\n")), putB("# TYPE m gauge\nm 1\n"), "} is not a COUNTER"),
        ok(2, "same name, same type in another group", List.of(putA("# TYPE m counter\nm 1\n")), putB("# TYPE m counter\nm 2\n")),
        ok(3, "different label dimensions across groups", List.of(putA("m{x=\"1\"} 1\n")), putB("m{y=\"1\"} 1\n")),
        ok(4, "x=\"\" in the grouping key next to a group without x", List.of(put(key("job", "j"), "m 1\n", T0)), put(key("job", "j", "x", ""), "m 1\n", T0)),
        ok(5, "x=\"\" and no x within one push", List.of(), putB(family("m", MetricType.UNTYPED, untyped(1, "x", ""), untyped(2)))),
        refused(6, "a series twice in one push", List.of(), putB(family("m", MetricType.UNTYPED, untyped(1, "a", "1"), untyped(2, "a", "1"))), "untyped:<value:2 > } was collected before with the same name and label values"),
        refused(7, "a series twice in one push after sanitising", List.of(), putB("m{job=\"other\"} 1\nm 2\n"), "was collected before with the same name and label values"),
        refused(8, "a label moved from the URL into the body (#232)", List.of(put(key("job", "x", "tag", "v1"), "m 1\n", T0)), put(key("job", "x"), "m{tag=\"v1\"} 1\n", T0), "was collected before with the same name and label values"),
        refused(9, "an own metric's name with another type", List.of(), putB("go_goroutines 1\n"), "gathered metric family go_goroutines has type UNTYPED but should have GAUGE"),
        ok(10, "an own metric's name and type with a foreign HELP", List.of(), putB("# HELP go_goroutines other\n# TYPE go_goroutines gauge\ngo_goroutines 1\n")),
        refused(11, "_count after a summary", List.of(putA(SUMMARY_S)), putB("s_count 1\n"), "collected metric named \"s_count\" collides with previously collected summary named \"s\""),
        refused(12, "_sum after a summary", List.of(putA(SUMMARY_S)), putB("s_sum 1\n"), "collected metric named \"s_sum\" collides with previously collected summary named \"s\""),
        ok(13, "_bucket after a summary", List.of(putA(SUMMARY_S)), putB("s_bucket 1\n")),
        refused(14, "_bucket after a histogram", List.of(putA(HISTOGRAM_H)), putB("h_bucket 1\n"), "collected metric named \"h_bucket\" collides with previously collected histogram named \"h\""),
        refused(15, "_count after a histogram", List.of(putA(HISTOGRAM_H)), putB("h_count 1\n"), "collected metric named \"h_count\" collides with previously collected histogram named \"h\""),
        refused(16, "a summary after its _count", List.of(putA("s_count 1\n")), putB(SUMMARY_S), "collected histogram or summary named \"s\" collides with previously collected metric named \"s_count\""),
        refused(17, "a histogram after its _bucket", List.of(putA("h_bucket 1\n")), putB(HISTOGRAM_H), "collected histogram named \"h\" collides with previously collected metric named \"h_bucket\""),
        ok(18, "a summary after its _bucket", List.of(putA("s_bucket 1\n")), putB(SUMMARY_S)),
        refused(19, "a summary and its _sum in one push, reported once", List.of(), putB(family("s", MetricType.SUMMARY, summary(1, 1)), family("s_sum", MetricType.GAUGE, gauge(1))), "collected metric named \"s_sum\" collides with previously collected summary named \"s\"-exact"),
        refused(20, "_count of an own summary", List.of(), putB("own_summary_count 1\n"), "collected metric named \"own_summary_count\" collides with previously collected summary named \"own_summary\""),
        refused(21, "a summary named like an own metric's base", List.of(), putB("# TYPE own_thing summary\nown_thing_sum 1\nown_thing_count 1\n"), "collected histogram or summary named \"own_thing\" collides with previously collected metric named \"own_thing_count\""),
        ok(22, "PUT replaces a_count by the summary a in the same group", List.of(putB("a_count 1\n")), putB("# TYPE a summary\na_sum 1\na_count 1\n")),
        refused(23, "POST adds the summary a beside a_count in the same group", List.of(putB("a_count 1\n")), post(B, "# TYPE a summary\na_sum 1\na_count 1\n", T0), "collected histogram or summary named \"a\" collides with previously collected metric named \"a_count\""),
        ok(24, "gauge histograms do not collide with suffixes", List.of(put(A, T0, family("g", MetricType.GAUGE_HISTOGRAM, histogram()))), putB("g_count 1\n")),
        refused(25, "a value of the wrong kind", List.of(), putB(family("m", MetricType.COUNTER, gauge(1))), "gauge:<value:1 > } is not a COUNTER"),
        refused(26, "a label name twice", List.of(), putB(family("m", MetricType.UNTYPED, untyped(1, "a", "1", "a", "2"))), "has two or more labels with the same name: a"),
        refused(27, "the grouping label twice in the body", List.of(), putB(family("m", MetricType.UNTYPED, untyped(1, "job", "x", "job", "y"))), "has two or more labels with the same name: job"),
        refused(28, "a reserved label name", List.of(), putB("m{__x=\"1\"} 1\n"), "has a label with an invalid name: __x"),
        ok(29, "a UTF-8 label name (upstream HEAD's scheme)", List.of(), putB(family("m", MetricType.UNTYPED, untyped(1, "a-b", "1")))),
        refused(30, "an empty label name", List.of(), putB(family("m", MetricType.UNTYPED, untyped(1, "", "1"))), "has two or more labels with the same name: "),
        refused(31, "a label value that is not UTF-8", List.of(), putB(family("m", MetricType.UNTYPED, untyped(1, "a", "x\udcc3"))), "has a label named \"a\" whose value is not utf8: \"x\\xc3\""),
        refused(32, "a summary with its own quantile label", List.of(), putB(family("s", MetricType.SUMMARY, summary(1, 1, "quantile", "0.5"))), "must not have an explicit \"quantile\" label"),
        refused(33, "a histogram with its own le label", List.of(), putB(family("h", MetricType.HISTOGRAM, histogram("le", "1"))), "must not have an explicit \"le\" label"),
        refused(34, "a gauge histogram holding a gauge", List.of(), putB(family("g", MetricType.GAUGE_HISTOGRAM, gauge(1))), "is not a GAUGE_HISTOGRAM"),
        refused(35, "a timestamp", List.of(), putB("m 1 1000\n"), "pushed metrics must not have timestamps-exact"),
        refused(36, "an empty family name", List.of(), putB(family("", MetricType.GAUGE, gauge(1))), "pushed metric families must have a name-exact"),
        ok(37, "another type replacing the group's own family", List.of(putB("# TYPE m counter\nm 1\n")), putB("# TYPE m gauge\nm 1\n")),
        refused(38, "another type while another group keeps the old one", List.of(putA("# TYPE m counter\nm 1\n"), putB("# TYPE m counter\nm 1\n")), putB("# TYPE m gauge\nm 1\n"), "is not a COUNTER"),
        ok(39, "an empty family of another type", List.of(putA("# TYPE m counter\nm 1\n")), putB(family("m", MetricType.GAUGE))),
        refused(40, "an empty family named like an own metric with another type", List.of(), putB(family("go_goroutines", MetricType.COUNTER)), "gathered metric family go_goroutines has type COUNTER but should have GAUGE"),
        refused(41, "_count of an empty summary family", List.of(put(A, T0, family("s", MetricType.SUMMARY))), putB("s_count 1\n"), "collides with previously collected summary named \"s\""),
        refused(42, "values of the established type in a family declared otherwise", List.of(putA("# TYPE m gauge\nm 1\n")), putB(family("m", MetricType.COUNTER, gauge(2))), "gauge:<value:2 > } is not a COUNTER"),
        refused(43, "two problems", List.of(putA("# TYPE m counter\nm 1\n")), putB("# TYPE m gauge\nm 1\nn{__a=\"\"} 1\n"), "2 error(s) occurred:\n* collected metric \"m\""),
        ok(44, "HELP conflicts between groups", List.of(putA("# HELP m one\nm 1\n")), putB("# HELP m two\nm 2\n")),
        ok(45, "a pushed push_time_seconds of another type is ignored", List.of(putA("m 1\n")), putB(family("push_time_seconds", MetricType.COUNTER, counter(1)))),
        refused(46, "a new group whose push_* series repeat another group's", List.of(put(key("job", "gi"), "m 1\n", T0)), put(key("job", "gi", "instance", ""), "", T0), "collected metric \"push_failure_time_seconds\" { label:<name:\"instance\" value:\"\" > label:<name:\"job\" value:\"gi\" > gauge:<value:0 > } was collected before"),
        ok(47, "the same family and labels in a group with instance=\"\" in the body", List.of(put(key("job", "j"), "m{instance=\"\",x=\"1\"} 1\n", T0)), put(key("job", "j"), "m{x=\"1\"} 1\n", T0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void a_push_is_refused_exactly_when_upstreams_gather_would_fail(Case c) throws Exception {
    DefaultMetricStore store =
        new DefaultMetricStore(
            StorePersistence.none(), OWN, new StoreOptions(Duration.ofMinutes(5), 100, new MutableClock(T0)));
    try {
      for (PushRequest given : c.given()) {
        assertThat(store.push(given)).as("given push %s", given.key()).isEqualTo(PushOutcome.accepted());
      }
      List<MetricFamily> before = withoutPushFailureTime(store.gather(List.of()));

      PushOutcome outcome = store.push(c.push());

      if (c.refusal().isEmpty()) {
        assertThat(outcome).isEqualTo(PushOutcome.accepted());
      } else {
        assertThat(outcome).isInstanceOf(PushOutcome.Rejected.class);
        String message = ((PushOutcome.Rejected) outcome).message();
        if (c.refusal().endsWith("-exact")) {
          assertThat(message).isEqualTo(PREFIX + c.refusal().replace("-exact", ""));
        } else {
          assertThat(message).startsWith(PREFIX).contains(c.refusal());
        }
        assertThat(withoutPushFailureTime(store.gather(List.of()))).isEqualTo(before);
      }
    } finally {
      store.close();
    }
  }

  private static List<MetricFamily> withoutPushFailureTime(List<MetricFamily> families) {
    return families.stream()
        .filter(f -> !f.name().equals(MetricStore.PUSH_FAILURE_TIME))
        .filter(f -> !f.name().equals(MetricStore.PUSH_TIME))
        .toList();
  }
}
