package io.pushmill.gateway.store;

import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the store would still gather cleanly after a push, as upstream decides by
 * gathering a copy of everything, but by looking only at the pushed families and the indexes of
 * their names: O(size of the push), not O(size of the store).
 *
 * <p>It replays client_golang's {@code Gatherers.Gather} for the pushed families in name order:
 * a family named like an own metric must have its type; any other family must not collide with a
 * {@code _count}/{@code _sum}/{@code _bucket} name of a summary or histogram (either way round);
 * each metric must match the type the name already has in other groups, pass the per-metric checks,
 * and not repeat a series of another group. A group that the push would create must also get
 * valid, unique {@code push_*} series. Run by the writer only.
 */
final class ConsistencyCheck {
  private final StoreState state;
  private final OwnMetrics own;

  ConsistencyCheck(StoreState state, OwnMetrics own) {
    this.state = state;
    this.own = own;
  }

  /**
   * The problems of a push into {@code group} (absent when the push would create it), and whether
   * the group's {@code push_*} series would be valid, which decides if a refused push may record
   * its failure time.
   */
  Result check(PreparedPush push, Optional<GroupState> group) {
    List<String> pushSeriesProblems = new ArrayList<>(0);
    boolean pushSeriesValid = checkPushSeries(push, group, pushSeriesProblems);
    if (push.refusal().isPresent()) {
      return new Result(List.of(push.refusal().get()), pushSeriesValid);
    }
    List<String> problems = checkFamilies(push, group);
    problems.addAll(pushSeriesProblems);
    return new Result(problems, pushSeriesValid);
  }

  /** The problems of a persisted group against what was loaded before it. */
  List<String> checkLoaded(PreparedPush group) {
    return checkFamilies(group, Optional.empty());
  }

  private List<String> checkFamilies(PreparedPush push, Optional<GroupState> group) {
    List<String> problems = new ArrayList<>();
    Names names = new Names(push, group);
    for (PreparedPush.PreparedFamily f : push.families()) {
      String name = f.name();
      MetricType declared = f.family().type();
      Optional<OwnMetrics.Shape> ownShape = own.shapeOf(name);
      Optional<String> familyProblem =
          ownShape.isPresent()
              ? ownTypeProblem(name, declared, ownShape.get().type())
              : names.suffixCollision(name, declared);
      if (familyProblem.isPresent()) {
        problems.add(familyProblem.get());
        continue;
      }
      names.collected(name, declared);
      Optional<StoredFamily> replaced = group.flatMap(g -> g.family(name));
      Optional<FamilyIndex> idx = state.index(name);
      MetricType expected =
          ownShape
              .map(OwnMetrics.Shape::type)
              .or(() -> idx.flatMap(i -> i.establishedType(replaced)))
              .orElse(declared);
      checkMetrics(f, expected, idx, group, problems);
    }
    return problems;
  }

  private static Optional<String> ownTypeProblem(String name, MetricType pushed, MetricType own) {
    if (pushed == own) {
      return Optional.empty();
    }
    return Optional.of(
        "gathered metric family " + name + " has type " + pushed + " but should have " + own);
  }

  private static void checkMetrics(
      PreparedPush.PreparedFamily f,
      MetricType expected,
      Optional<FamilyIndex> idx,
      Optional<GroupState> group,
      List<String> problems) {
    String name = f.name();
    MetricType declared = f.family().type();
    List<Metric> metrics = f.family().metrics();
    for (int i = 0; i < metrics.size(); i++) {
      Metric m = metrics.get(i);
      if (expected != declared) {
        MetricType violated = MetricChecks.kindMatches(expected, m.value()) ? declared : expected;
        problems.add(MetricChecks.notA(name, m, violated));
      } else if (f.problems().get(i).isPresent()) {
        problems.add(f.problems().get(i).get());
      } else if (takenByOtherGroup(idx, m, group)) {
        problems.add(MetricChecks.duplicate(name, m));
      }
    }
  }

  private static boolean takenByOtherGroup(
      Optional<FamilyIndex> idx, Metric m, Optional<GroupState> group) {
    Optional<Series> s = idx.flatMap(i -> i.series(m.labels()));
    return s.isPresent() && (group.isEmpty() || s.get().owner() != group.get());
  }

  // The push_* series of a group the push would create, or of a group that lacks them.
  private boolean checkPushSeries(
      PreparedPush push, Optional<GroupState> group, List<String> problems) {
    boolean valid = true;
    for (String name : List.of(MetricStore.PUSH_FAILURE_TIME, MetricStore.PUSH_TIME)) {
      if (group.isPresent() && group.get().has(name)) {
        continue;
      }
      double value =
          name.equals(MetricStore.PUSH_TIME) ? PushTimes.seconds(push.request().time()) : 0;
      Metric m = Metric.of(push.pushLabels(), new MetricValue.Gauge(value));
      Optional<String> problem = MetricChecks.labelProblem(name, m);
      if (problem.isEmpty() && takenByOtherGroup(state.index(name), m, group)) {
        problem = Optional.of(MetricChecks.duplicate(name, m));
      }
      problem.ifPresent(problems::add);
      valid &= problem.isEmpty();
    }
    return valid;
  }

  /** The outcome of a check: no problems means the push may be applied. */
  record Result(List<String> problems, boolean pushSeriesValid) {
    boolean ok() {
      return problems.isEmpty();
    }

    /** One problem as it is; several as client_golang's {@code MultiError} prints them. */
    String message() {
      if (problems.size() == 1) {
        return problems.getFirst();
      }
      StringBuilder sb = new StringBuilder().append(problems.size()).append(" error(s) occurred:");
      problems.forEach(p -> sb.append("\n* ").append(p));
      return sb.toString();
    }
  }

  /**
   * The family names the store would hold after the push, as upstream's gather meets them: own
   * metrics and other groups' families first, the pushed families one by one in name order.
   */
  private final class Names {
    private static final String NAMED = "collected metric named %s ";
    private static final String EITHER = "collected histogram or summary named %s ";
    private static final String HISTOGRAM = "collected histogram named %s ";
    private static final String PREVIOUS_METRIC =
        "collides with previously collected metric named %s";
    private static final String PREVIOUS_SUMMARY =
        "collides with previously collected summary named %s";
    private static final String PREVIOUS_HISTOGRAM =
        "collides with previously collected histogram named %s";

    private final PreparedPush push;
    private final Optional<GroupState> group;
    private final Set<String> pushed = new HashSet<>();
    private final Map<String, MetricType> collected = new HashMap<>();

    Names(PreparedPush push, Optional<GroupState> group) {
      this.push = push;
      this.group = group;
      push.families().forEach(f -> pushed.add(f.name()));
    }

    void collected(String name, MetricType type) {
      collected.put(name, type);
    }

    Optional<String> suffixCollision(String name, MetricType type) {
      String base = withoutSuffix(name);
      if (!base.isEmpty() && isPresent(base)) {
        if (isA(base, MetricType.SUMMARY) && !name.endsWith("_bucket")) {
          return collision(NAMED + PREVIOUS_SUMMARY, name, base);
        }
        if (isA(base, MetricType.HISTOGRAM)) {
          return collision(NAMED + PREVIOUS_HISTOGRAM, name, base);
        }
      }
      if (type == MetricType.SUMMARY || type == MetricType.HISTOGRAM) {
        for (String suffix : List.of("_count", "_sum")) {
          if (isPresent(name + suffix)) {
            return collision(EITHER + PREVIOUS_METRIC, name, name + suffix);
          }
        }
      }
      if (type == MetricType.HISTOGRAM && isPresent(name + "_bucket")) {
        return collision(HISTOGRAM + PREVIOUS_METRIC, name, name + "_bucket");
      }
      return Optional.empty();
    }

    private static Optional<String> collision(String format, String a, String b) {
      return Optional.of(String.format(format, GoText.quote(a), GoText.quote(b)));
    }

    private static String withoutSuffix(String name) {
      for (String suffix : List.of("_count", "_sum", "_bucket")) {
        if (name.endsWith(suffix)) {
          return name.substring(0, name.length() - suffix.length());
        }
      }
      return "";
    }

    private boolean isPresent(String name) {
      return collected.containsKey(name)
          || own.shapeOf(name).isPresent()
          || state.index(name).map(i -> i.families(replaced(name)) > 0).orElse(false);
    }

    private boolean isA(String name, MetricType type) {
      Optional<MetricType> ownType = own.shapeOf(name).map(OwnMetrics.Shape::type);
      if (ownType.isPresent()) {
        return ownType.get() == type;
      }
      if (collected.get(name) == type) {
        return true;
      }
      Optional<StoredFamily> replaced = replaced(name);
      return state
          .index(name)
          .map(i -> type == MetricType.SUMMARY ? i.hasSummary(replaced) : i.hasHistogram(replaced))
          .orElse(false);
    }

    // The group's own family of this name when the push removes it: PUT removes all but push_*,
    // POST those it pushes again.
    private Optional<StoredFamily> replaced(String name) {
      boolean removed =
          push.request().mode() == PushMode.REPLACE
              ? !PushTimes.isPushTimeName(name)
              : pushed.contains(name);
      return removed ? group.flatMap(g -> g.family(name)) : Optional.empty();
    }
  }
}
