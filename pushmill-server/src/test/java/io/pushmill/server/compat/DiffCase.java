package io.pushmill.server.compat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One numbered differential case: a short sequence of requests sent to both gateways of a pair,
 * each response compared, then the normalised scrape and API answer compared.
 *
 * @param source where the case comes from: a row of spec §7, a V-row of §8, or a topic
 */
record DiffCase(
    int id,
    String title,
    String source,
    Setup setup,
    List<Step> steps,
    ScrapeNormalizer scrape,
    boolean compareApi) {

  /** One request and how its responses are compared. */
  record Step(HttpCall call, Compare compare) {}

  DiffCase {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("case " + id + " sends nothing");
    }
  }

  /** The job name of this case, unique across cases. */
  static String jobOf(int id) {
    return String.format("c%03d", id);
  }

  String job() {
    return jobOf(id);
  }

  @Override
  public String toString() {
    return String.format("%03d %s (%s)", id, title, source);
  }

  static Builder builder(int id, String title, String source) {
    return new Builder(id, title, source);
  }

  /** Builds a case; {@code {job}} in paths and text bodies becomes the case's job name. */
  static final class Builder {
    private final int id;
    private final String title;
    private final String source;
    private Setup setup = Setup.ADMIN;
    private final List<Step> steps = new ArrayList<>();
    private final Set<String> keptOwn = new HashSet<>();
    private final Set<String> helpIgnored = new HashSet<>();
    private boolean compareApi = true;

    private Builder(int id, String title, String source) {
      this.id = id;
      this.title = title;
      this.source = source;
    }

    private String fill(String text) {
      return text.replace("{job}", jobOf(id));
    }

    Builder on(Setup newSetup) {
      this.setup = newSetup;
      return this;
    }

    Builder send(HttpCall call, Compare compare) {
      steps.add(new Step(call.withTarget(fill(call.target())), compare));
      return this;
    }

    Builder send(HttpCall call) {
      return send(call, Compare.EXACT);
    }

    Builder put(String path, String body) {
      return send(HttpCall.put(path, fill(body)));
    }

    Builder post(String path, String body) {
      return send(HttpCall.post(path, fill(body)));
    }

    Builder delete(String path) {
      return send(HttpCall.delete(path));
    }

    Builder get(String path) {
      return send(HttpCall.get(path));
    }

    /** The last step's answer is a consistency error: compare status and prefix only. */
    Builder consistencyError() {
      Step last = steps.removeLast();
      steps.add(new Step(last.call(), Compare.CONSISTENCY));
      return this;
    }

    Builder keepOwn(String family) {
      keptOwn.add(family);
      return this;
    }

    Builder ignoreHelp(String family) {
      helpIgnored.add(family);
      return this;
    }

    Builder noApi() {
      compareApi = false;
      return this;
    }

    DiffCase build() {
      return new DiffCase(
          id, title, source, setup, steps, new ScrapeNormalizer(keptOwn, helpIgnored), compareApi);
    }
  }
}
