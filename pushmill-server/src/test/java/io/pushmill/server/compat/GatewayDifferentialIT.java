package io.pushmill.server.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Sends the same request sequences to Debian's pushgateway 1.5.1 and to Pushmill and compares
 * every response, then the normalised scrape and API answer. Intended differences come from
 * {@code compat/differences.yaml}, whose answers are asserted for each side.
 */
class GatewayDifferentialIT {
  private static final Differences DIFFERENCES = Differences.load();
  private static final Map<Setup, GatewayPair> PAIRS = new EnumMap<>(Setup.class);
  private static final Map<Setup, RuntimeException> FAILED_STARTS = new EnumMap<>(Setup.class);

  @AfterAll
  static void stopGateways() {
    PAIRS.values().forEach(GatewayPair::close);
    PAIRS.clear();
  }

  private static synchronized GatewayPair pair(Setup setup) {
    if (FAILED_STARTS.containsKey(setup)) {
      throw new IllegalStateException("the " + setup + " pair did not start", FAILED_STARTS.get(setup));
    }
    try {
      return PAIRS.computeIfAbsent(setup, GatewayPair::start);
    } catch (RuntimeException e) {
      FAILED_STARTS.put(setup, e);
      throw e;
    }
  }

  @TestFactory
  Stream<DynamicTest> every_case_answers_like_upstream_or_as_listed() {
    return Catalogue.all().stream()
        .sorted(Comparator.comparing((DiffCase c) -> c.setup()).thenComparingInt(DiffCase::id))
        .map(c -> dynamicTest(c.toString(), () -> run(c)));
  }

  private static void run(DiffCase c) {
    if (c.setup() == Setup.ISOLATED) {
      try (GatewayPair fresh = GatewayPair.start(Setup.ISOLATED)) {
        new CaseRunner(fresh, DIFFERENCES).run(c);
      }
    } else {
      new CaseRunner(pair(c.setup()), DIFFERENCES).run(c);
    }
  }

  @Test
  void the_catalogue_has_at_least_100_cases_with_unique_ids() {
    List<Integer> ids = Catalogue.all().stream().map(DiffCase::id).toList();
    assertThat(ids).hasSizeGreaterThanOrEqualTo(100).doesNotHaveDuplicates();
  }

  @Test
  void every_listed_difference_belongs_to_a_case_and_step_of_the_catalogue() {
    Map<Integer, DiffCase> cases = Catalogue.all().stream().collect(Collectors.toMap(DiffCase::id, c -> c));
    for (Differences.Entry d : DIFFERENCES.all()) {
      assertThat(cases).as("case of %s", d).containsKey(d.caseId());
      Set<String> steps = Stream.concat(
              Stream.iterate(1, i -> i <= cases.get(d.caseId()).steps().size(), i -> i + 1).map(String::valueOf),
              Stream.of("scrape", "api"))
          .collect(Collectors.toSet());
      assertThat(steps).as("step of %s", d).contains(d.step());
      assertThat(d.docs()).as("docs pointer of %s", d).startsWith("docs/differences.md#");
    }
  }

  @Test
  void every_listed_difference_points_to_a_section_of_docs_differences_md() throws IOException {
    Path doc = Path.of("..", "docs", "differences.md");
    assumeTrue(Files.isRegularFile(doc), "docs/differences.md is not in this tree yet");
    Set<String> anchors =
        Files.readAllLines(doc).stream()
            .filter(line -> line.startsWith("#"))
            .map(GatewayDifferentialIT::slug)
            .collect(Collectors.toSet());
    for (Differences.Entry d : DIFFERENCES.all()) {
      String anchor = d.docs().substring(d.docs().indexOf('#') + 1).split(" ")[0];
      assertThat(anchors).as("section of case %d step %s in %s", d.caseId(), d.step(), doc).contains(anchor);
    }
  }

  /** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens. */
  private static String slug(String heading) {
    String text = heading.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
    return text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  @Test
  void an_invalid_base64_job_leaves_the_route_working_where_upstream_1_5_1_locks_it() {
    assumeTrue(GatewayKind.candidate() == GatewayKind.PUSHMILL, "only meaningful against Pushmill");
    String valid = "/metrics/job@base64/" + Bodies.b64("after/lock");
    try (GatewayPair pair = GatewayPair.start(Setup.ISOLATED)) {
      HttpCall bad = HttpCall.post("/metrics/job@base64/Y", "m 1\n");
      assertThat(pair.candidate().send(bad).status()).isEqualTo(400);
      assertThat(pair.candidate().send(HttpCall.post(valid, "m 1\n")).status()).isEqualTo(200);

      assertThat(pair.reference().send(bad).status()).isEqualTo(400);
      int port = pair.reference().port();
      assertThatThrownBy(() -> RawHttp.send(port, HttpCall.post(valid, "m 1\n"), Duration.ofSeconds(2)))
          .as("upstream 1.5.1 keeps the POST job@base64 route locked after a decode error")
          .hasRootCauseInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void quit_with_the_lifecycle_api_answers_200_and_ends_both_gateways() {
    try (GatewayPair pair = GatewayPair.start(Setup.LIFECYCLE)) {
      HttpReply reference = pair.reference().send(HttpCall.of("PUT", "/-/quit"));
      HttpReply candidate = pair.candidate().send(HttpCall.of("PUT", "/-/quit"));
      assertThat(Compare.EXACT.view(candidate, ScrapeNormalizer.standard()))
          .isEqualTo(Compare.EXACT.view(reference, ScrapeNormalizer.standard()));
      assertThat(reference.text()).isEqualTo("Requesting termination... Goodbye!");
      assertThat(pair.reference().awaitExit(Duration.ofSeconds(10))).as("upstream exited").isTrue();
      assertThat(pair.candidate().awaitExit(Duration.ofSeconds(10)))
          .as("%s exited; log:%n%s", pair.candidate(), pair.candidate().logTail())
          .isTrue();
    }
  }
}
