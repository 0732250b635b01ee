package io.pushmill.server.compat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Runs a {@link DiffCase} on a {@link GatewayPair}: sends each step to both, compares the views
 * (or checks both against the listed difference), compares the final scrape and API answer, and
 * empties both stores again. All mismatches of a case are reported together.
 */
final class CaseRunner {
  private static final AtomicInteger BARRIERS = new AtomicInteger();
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(10);

  private final GatewayPair pair;
  private final Differences differences;

  CaseRunner(GatewayPair pair, Differences differences) {
    this.pair = pair;
    this.differences = differences;
  }

  void run(DiffCase c) {
    List<String> problems = new ArrayList<>();
    try {
      for (int i = 0; i < c.steps().size(); i++) {
        DiffCase.Step step = c.steps().get(i);
        compare(c, String.valueOf(i + 1), step.call(), step.compare(), problems);
      }
      barrier();
      compare(c, "scrape", HttpCall.get(pair.setup().scrapePath()), Compare.SCRAPE, problems);
      if (c.compareApi()) {
        compare(c, "api", HttpCall.get(pair.setup().routePrefix() + "/api/v1/metrics"), Compare.API, problems);
      }
    } finally {
      StoreCleaner.empty(pair);
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "case " + c + ": " + problems.size() + " mismatch(es)\n\n" + String.join("\n\n", problems)
              + "\n\nreference: " + pair.reference() + "\ncandidate: " + pair.candidate());
    }
  }

  private void compare(DiffCase c, String step, HttpCall call, Compare mode, List<String> problems) {
    View reference = mode.view(pair.reference().send(call), c.scrape());
    View candidate = mode.view(pair.candidate().send(call), c.scrape());
    Transcript.record(c, step, call, reference, candidate);
    Optional<Differences.Entry> listed = differences.find(c.id(), step);
    String where = "step " + step + " " + call;
    if (listed.isPresent()) {
      Differences.Entry d = listed.get();
      Expectation forCandidate = pair.candidate().kind() == GatewayKind.UPSTREAM ? d.upstream() : d.pushmill();
      report(where + " — upstream against differences.yaml", d.upstream().misses(reference), reference, problems);
      report(where + " — " + pair.candidate().kind() + " against differences.yaml (" + d.docs() + ")",
          forCandidate.misses(candidate), candidate, problems);
      if (d.sameBody() && !reference.body().equals(candidate.body())) {
        problems.add(where + " — bodies differ (listed as same_body)\n--- upstream:\n" + reference.body()
            + "\n--- " + pair.candidate().kind() + ":\n" + candidate.body());
      }
    } else if (!reference.equals(candidate)) {
      problems.add(where + "\n--- upstream:\n" + reference.render() + "\n--- " + pair.candidate().kind()
          + ":\n" + candidate.render());
    }
  }

  private static void report(String where, List<String> misses, View view, List<String> problems) {
    if (!misses.isEmpty()) {
      problems.add(where + ": " + String.join("; ", misses) + "\n--- answer:\n" + view.render());
    }
  }

  /**
   * Waits until both gateways have applied every write sent so far. A checked push is answered
   * only after the write queue applied it, and the queue is FIFO, so its answer is the barrier;
   * an unchecked push is answered at once, so then the API is polled until the barrier shows.
   */
  private void barrier() {
    int seq = BARRIERS.incrementAndGet();
    HttpCall push =
        HttpCall.put(
            pair.setup().routePrefix() + "/metrics/job/" + OwnMetrics.BARRIER_JOB,
            "compat_barrier_seq " + seq + "\n");
    for (GatewayProcess gateway : List.of(pair.reference(), pair.candidate())) {
      gateway.send(push);
      if (!pair.setup().checked()) {
        awaitApi(gateway, body -> body.contains("\"value\":\"" + seq + "\""), "barrier " + seq);
      }
    }
  }

  static void awaitApi(GatewayProcess gateway, Predicate<String> done, String what) {
    Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      last = gateway.send(HttpCall.get(gateway.routePrefix() + "/api/v1/metrics")).text();
      if (done.test(last)) {
        return;
      }
      GatewayProcess.pause(Duration.ofMillis(10));
    }
    throw new AssertionError(gateway + " did not reach " + what + " in " + SETTLE_TIMEOUT + "; last API answer: " + last);
  }
}
