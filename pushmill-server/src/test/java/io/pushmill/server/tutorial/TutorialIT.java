package io.pushmill.server.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.runner.model.Json;
import io.pushmill.server.cli.ApiClient;
import io.pushmill.server.demo.TutorialDemo;
import io.pushmill.server.expiry.ScheduleTtl;
import io.pushmill.server.tutorial.PrometheusProcess.Point;
import io.pushmill.server.tutorial.PrometheusProcess.Series;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial end to end: {@code pushmill up} runs the tutorial's script every 5 s with its own
 * schedule, the real Prometheus 2.42 scrapes its gateway every second as the tutorial's config
 * does, and the tutorial's two queries answer what {@code shared/specs/tutorial.md} measured
 * against the upstream Pushgateway; then, with {@code up}'s expiry, the raw series itself stops.
 */
class TutorialIT {
  private static final String TOKEN = "tutorial-it-admin-token";
  private static final String JOB = TutorialDemo.SCRIPT.value();
  private static final String SELECTOR = "{exported_job=\"" + JOB + "\"}";
  /** The tutorial's first panel. */
  static final String QUERY_1 = "job_records_processed" + SELECTOR;
  /**
   * The tutorial's second panel as its text puts it, with the same labels on both sides: both
   * series carry {@code job}, {@code instance} and {@code exported_job}, so they match one to one.
   */
  static final String QUERY_2 =
      "job_records_processed" + SELECTOR + " * irate(push_time_seconds" + SELECTOR + "[10s])";
  private static final String PUSH_TIME = "push_time_seconds" + SELECTOR;
  private static final Duration TTL = ScheduleTtl.of(Duration.ofSeconds(5), TutorialDemo.TIMEOUT);
  private static final Pattern LOGGED = Pattern.compile("Storing metrics value:\\s+(\\d+)");

  @TempDir Path dir;

  @Test
  void the_tutorials_queries_follow_the_pushes_pulse_and_stop_when_the_schedule_is_disabled()
      throws Exception {
    try (PushmillUp up = PushmillUp.start(dir, TOKEN, List.of());
        PrometheusProcess prometheus =
            PrometheusProcess.start(dir, up.gateway().getAuthority())) {
      ApiClient api = new ApiClient(up.api(), TOKEN, TutorialDemo.WORKSPACE);
      Instant from = Instant.now();
      // Three pushes seen: the second and third give a pulse each (irate needs two samples).
      Awaitility.await("three pushes scraped").atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> distinctValues(prometheus.queryRange(PUSH_TIME, from, Instant.now())) >= 3);
      api.post("schedules/setenabled/" + TutorialDemo.SCHEDULE,
          Json.object().put("enabled", false));
      Awaitility.await("the last job's end").atMost(Duration.ofSeconds(20))
          .until(() -> api.getJson("jobs/queue/list?script_path_exact=" + JOB).isEmpty());
      List<Integer> logged = loggedValues(api);
      JsonNode groups = gatewayGroups(up.gateway());
      Awaitility.await("query 1 gone").atMost(TTL.plusSeconds(15))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> prometheus.query(QUERY_1, Instant.now()).isEmpty());
      Instant end = Instant.now();

      Series raw = only(prometheus.queryRange(QUERY_1, from, end));
      Series pulses = only(prometheus.queryRange(QUERY_2, from, end));
      Series pushTimes = only(prometheus.queryRange(PUSH_TIME, from, end));
      // One line for the report file: what Prometheus recorded.
      System.out.printf("TutorialIT: logged %s; query 1 %s; query 2 %s; push times %s%n", logged,
          raw.points(), pulses.points(), pushTimes.points());
      assertQuery1FollowsThePushedValues(raw, logged, groups);
      assertQuery2PulsesAfterPushesAndIsZeroOnceTheyStop(pulses, raw, pushTimes);
      assertTheRawSeriesStopsOneTtlAfterTheLastPush(raw, pushTimes);
      assertThat(prometheus.query(QUERY_2, Instant.now())).isEmpty();
      assertJobMetricsCarryNoJobLabel(prometheus);
      assertThat(up.stop(Duration.ofSeconds(30))).as(up.output()).isZero();
      assertThat(up.output()).contains("metrics persisted", "pushmill stopped");
    }
  }

  private static void assertQuery1FollowsThePushedValues(Series raw, List<Integer> logged,
      JsonNode groups) {
    assertThat(raw.labels()).containsEntry("exported_job", JOB)
        .containsEntry("job", PrometheusProcess.SCRAPE_JOB).doesNotContainKey("exported_instance");
    List<Integer> seen = collapse(raw.points().stream().map(p -> (int) p.value()).toList());
    List<Integer> pushed = collapse(logged);
    // Every value Prometheus saw was pushed, in the order of the pushes, up to the last one. (It
    // may miss pushes made before it started, or one overtaken within a second by the next.)
    assertThat(seen).as("values Prometheus saw").hasSizeGreaterThanOrEqualTo(2);
    assertThat(isSubsequence(seen, pushed)).as("%s within the logged %s", seen, logged).isTrue();
    assertThat(seen.getLast()).isEqualTo(logged.getLast());
    JsonNode value = groups.at("/data/0/job_records_processed/metrics/0/value");
    assertThat(value.asText()).as("the gateway's /api/v1/metrics")
        .isEqualTo(String.valueOf(logged.getLast()));
  }

  /**
   * After each scrape that sees a new push (after the first), query 2 is the value times the time
   * between the last two pushes (about 5 s) over the time between the last two scrapes (1 s);
   * it is 0 at every other point, and 0 from the last push on, for as long as the group is there.
   */
  private static void assertQuery2PulsesAfterPushesAndIsZeroOnceTheyStop(Series pulses, Series raw,
      Series pushTimes) {
    List<Change> changes = changes(pushTimes);
    int pulsed = 0;
    for (Point p : pulses.points()) {
      if (p.value() == 0) {
        continue;
      }
      Change push = changes.stream().filter(c -> c.time() <= p.time()).reduce((a, b) -> b)
          .filter(c -> p.time() - c.time() < 2)
          .orElseThrow(() -> new AssertionError("a pulse " + p + " not within 2 s after a push "
              + changes));
      double perScrapeSecond = p.value() / (valueAt(raw, p.time()) * push.pushInterval());
      assertThat(perScrapeSecond).as("pulse %s after %s: 1 / the scrape interval", p, push)
          .isBetween(0.6, 1.6);
      pulsed++;
    }
    long pushesWithValue = changes.stream().filter(c -> valueAt(raw, c.time()) > 0).count();
    assertThat(pulsed).as("pulses for %d pushes seen with a non-zero value", pushesWithValue)
        .isGreaterThanOrEqualTo((int) Math.min(1, pushesWithValue))
        .isGreaterThanOrEqualTo((int) (pushesWithValue / 2));
    double lastPush = changes.isEmpty() ? pushTimes.points().getFirst().time()
        : changes.getLast().time();
    List<Point> afterStop = pulses.points().stream().filter(p -> p.time() >= lastPush + 2).toList();
    assertThat(afterStop).as("query 2 after the last push").hasSizeGreaterThan(10)
        .allSatisfy(p -> assertThat(p.value()).isZero());
  }

  /**
   * Until the TTL runs out query 1 keeps the last value (the limitation the tutorial shows); then
   * the group expires, Prometheus marks the series stale, and query 1 has no more points.
   */
  private static void assertTheRawSeriesStopsOneTtlAfterTheLastPush(Series raw,
      Series pushTimes) {
    double lastPush = pushTimes.points().getLast().value();
    Point last = raw.points().getLast();
    assertThat(last.time() - lastPush).as("the last point of query 1 after the last push")
        .isBetween(TTL.toSeconds() - 2.0, TTL.toSeconds() + 3.0);
    double lastValue = last.value();
    assertThat(raw.points().stream().filter(p -> p.time() >= lastPush + 1))
        .allSatisfy(p -> assertThat(p.value()).isEqualTo(lastValue));
  }

  private static void assertJobMetricsCarryNoJobLabel(PrometheusProcess prometheus) {
    List<Series> runs = prometheus.query("pushmill_job_runs_total{path=\"" + JOB
        + "\",status=\"success\"}", Instant.now());
    assertThat(runs).hasSize(1);
    assertThat(runs.getFirst().labels()).containsEntry("job", PrometheusProcess.SCRAPE_JOB)
        .containsEntry("schedule", TutorialDemo.SCHEDULE.value())
        .doesNotContainKeys("exported_job", "exported_instance");
    assertThat(runs.getFirst().points().getFirst().value()).isGreaterThanOrEqualTo(3);
  }

  /** The values the successful jobs of the script logged, in the order they started. */
  private static List<Integer> loggedValues(ApiClient api) {
    JsonNode jobs = api.getJson("jobs/completed/list?script_path_exact=" + JOB
        + "&success=true&per_page=100");
    List<JsonNode> ordered = new ArrayList<>();
    jobs.forEach(ordered::add);
    ordered.sort((a, b) -> a.path("started_at").asText().compareTo(b.path("started_at").asText()));
    List<Integer> values = new ArrayList<>();
    for (JsonNode job : ordered) {
      Matcher m = LOGGED.matcher(api.getText("jobs_u/get_logs/" + job.path("id").asText()));
      assertThat(m.find()).as("job %s logged its value", job.path("id")).isTrue();
      values.add(Integer.parseInt(m.group(1)));
    }
    return values;
  }

  private static JsonNode gatewayGroups(URI gateway) throws Exception {
    String body = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(gateway.resolve("/api/v1/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return Json.parseInput(body, "the gateway's /api/v1/metrics");
  }

  private static Series only(List<Series> series) {
    assertThat(series).as("one series").hasSize(1);
    return series.getFirst();
  }

  private static long distinctValues(List<Series> series) {
    return series.stream().flatMap(s -> s.points().stream()).map(Point::value).distinct().count();
  }

  /** A new push time first seen at {@code time}, that many seconds after the one before. */
  private record Change(double time, double pushInterval) {}

  /** Where the push time changes, after the first one seen. */
  private static List<Change> changes(Series pushTimes) {
    List<Change> changes = new ArrayList<>();
    List<Point> p = pushTimes.points();
    for (int i = 1; i < p.size(); i++) {
      if (p.get(i).value() != p.get(i - 1).value()) {
        changes.add(new Change(p.get(i).time(), p.get(i).value() - p.get(i - 1).value()));
      }
    }
    return changes;
  }

  private static boolean isSubsequence(List<Integer> part, List<Integer> whole) {
    int i = 0;
    for (Integer v : whole) {
      if (i < part.size() && part.get(i).equals(v)) {
        i++;
      }
    }
    return i == part.size();
  }

  private static double valueAt(Series s, double time) {
    return s.points().stream().filter(p -> p.time() <= time).reduce((a, b) -> b)
        .map(Point::value).orElse(Double.NaN);
  }

  private static List<Integer> collapse(List<Integer> values) {
    List<Integer> out = new ArrayList<>();
    for (Integer v : values) {
      if (out.isEmpty() || !out.getLast().equals(v)) {
        out.add(v);
      }
    }
    return out;
  }
}
