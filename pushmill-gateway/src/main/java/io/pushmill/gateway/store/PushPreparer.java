package io.pushmill.gateway.store;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.Utf8Order;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The part of a push's work that needs nothing but the push: refusing timestamps, sanitising
 * labels, checking each metric on its own, finding series repeated within the push, and rendering
 * the text lines. Runs in the pushing thread, so the single writer stays cheap. Thread-safe.
 */
final class PushPreparer {
  static final String TIMESTAMPS = "pushed metrics must not have timestamps";
  static final String NO_NAME = "pushed metric families must have a name";

  private final LabelSanitizer sanitizer;
  private final TtlResolver ttl;

  PushPreparer(Interner names, TtlResolver ttl) {
    this.sanitizer = new LabelSanitizer(names);
    this.ttl = ttl;
  }

  PreparedPush prepare(PushRequest request) {
    Labels grouping = request.key().labels();
    Labels pushLabels = sanitizer.sanitize(Labels.EMPTY, grouping);
    Map<String, MetricFamily> byName = new TreeMap<>(Utf8Order.COMPARATOR);
    Optional<String> refusal = Optional.empty();
    for (MetricFamily f : request.families().values()) {
      if (f.metrics().stream().anyMatch(m -> m.timestampMs().isPresent())) {
        refusal = Optional.of(TIMESTAMPS);
        break;
      }
      if (f.name().isEmpty()) {
        refusal = refusal.or(() -> Optional.of(NO_NAME));
      } else if (!PushTimes.isPushTimeName(f.name())) {
        byName.put(f.name(), f);
      }
    }
    GroupExpiry expiry = ttl.resolve(request.key(), request.ttl(), request.time());
    if (refusal.isPresent()) {
      return new PreparedPush(request, pushLabels, refusal, List.of(), expiry);
    }
    SeriesText text = new SeriesText();
    List<PreparedPush.PreparedFamily> families = new ArrayList<>(byName.size());
    for (MetricFamily f : byName.values()) {
      families.add(family(new StoredFamily(request.time(), f), Optional.of(grouping), text, false));
    }
    return new PreparedPush(request, pushLabels, Optional.empty(), families, expiry);
  }

  /**
   * A persisted group as if it were pushed again: families kept as stored (no sanitising, {@code
   * push_*} included), every metric rendered even when it has a problem, since it is served anyway.
   * Its expiry is decided again ({@link TtlResolver#reload}).
   */
  PreparedPush prepareLoaded(GroupSnapshot group) {
    Labels pushLabels = sanitizer.sanitize(Labels.EMPTY, group.key().labels());
    SeriesText text = new SeriesText();
    List<PreparedPush.PreparedFamily> families = new ArrayList<>();
    for (StoredFamily f : group.families().values()) {
      families.add(family(f, Optional.empty(), text, true));
    }
    PushRequest asRequest =
        new PushRequest(group.key(), Map.of(), PushMode.REPLACE, java.time.Instant.EPOCH);
    GroupExpiry expiry = ttl.reload(group.key(), group.expiry());
    return new PreparedPush(asRequest, pushLabels, Optional.empty(), families, expiry);
  }

  private PreparedPush.PreparedFamily family(
      StoredFamily stored, Optional<Labels> grouping, SeriesText text, boolean renderAll) {
    MetricFamily f = stored.family();
    List<Metric> metrics = new ArrayList<>(f.metrics().size());
    List<Optional<String>> problems = new ArrayList<>(f.metrics().size());
    byte[][] texts = new byte[f.metrics().size()][];
    Set<Labels> seen = new HashSet<>();
    for (Metric m : f.metrics()) {
      Metric sm = grouping.map(g -> m.withLabels(sanitizer.sanitize(m.labels(), g))).orElse(m);
      Optional<String> problem = MetricChecks.check(f.name(), f.type(), sm);
      if (problem.isEmpty() && !seen.add(sm.labels())) {
        problem = Optional.of(MetricChecks.duplicate(f.name(), sm));
      }
      texts[metrics.size()] =
          problem.isEmpty() || renderAll ? text.series(f.name(), f.type(), sm, true) : new byte[0];
      metrics.add(sm);
      problems.add(problem);
    }
    StoredFamily sanitized =
        grouping.isPresent()
            ? new StoredFamily(stored.timestamp(), f.withMetrics(metrics))
            : stored;
    return new PreparedPush.PreparedFamily(sanitized, texts, problems);
  }
}
