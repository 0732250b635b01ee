package io.pushmill.server.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link DiffCase} on a {@link GatewayPair}: sends each step to both, compares the views
 * (or checks both against the listed difference), compares the final scrape and API answer, and
 * empties both stores again. All mismatches of a case are reported together.
 */
final class CaseRunner {
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

  private void barrier() {
    Barrier.pass(pair.reference(), pair.setup().checked());
    Barrier.pass(pair.candidate(), pair.setup().checked());
  }
}
