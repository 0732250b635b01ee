package io.pushmill.server.expiry;

import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.TtlPolicy;
import io.pushmill.runner.NotFoundException;
import io.pushmill.runner.Runner;
import io.pushmill.runner.cron.CronSchedule;
import io.pushmill.runner.model.ListQuery;
import io.pushmill.runner.model.Schedule;
import io.pushmill.runner.model.ScriptPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's TTL for groups pushed by the jobs of Pushmill's schedules. A push comes from a
 * schedule's job when its group's {@code job} label is the script path of a schedule (in any
 * workspace): the tutorial's convention, {@code push_to_gateway(..., job=WM_JOB_PATH)}. Such a
 * group gets {@link ScheduleTtl} of the schedule's {@link ScheduleCadence} and its script's
 * timeout; when several schedules run the script, the longest TTL, so the group lives as long as
 * any of them keeps pushing. Other groups get no opinion (the default TTL applies).
 *
 * <p>Disabled schedules count too: disabling a schedule is exactly when its group must go stale,
 * and the gateway asks the policy again for every persisted group when it starts, so a policy that
 * forgot disabled schedules would make their groups immortal after a restart. (A manual run of a
 * scheduled script therefore gets the TTL as well.)
 *
 * <p>Answers come from a snapshot of the schedules, so a push never waits for the database. The
 * snapshot is taken when the runner is bound and on {@link #refresh()}, and again in the
 * background when a push finds it older than {@value #REFRESH_SECONDS} s. Until bound, no opinion.
 */
public final class ScheduleTtlPolicy implements TtlPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleTtlPolicy.class);
  static final int REFRESH_SECONDS = 10;
  private static final Duration CADENCE_VALIDITY = Duration.ofHours(1);
  private static final int PAGE = 100;
  private static final int MAX_CADENCES = 10_000;

  private record Snapshot(Map<String, Duration> ttls, Instant takenAt) {}

  private record Cadence(Optional<Duration> gap, Instant computedAt) {}

  private final Clock clock;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private final Map<String, Cadence> cadences = new ConcurrentHashMap<>();
  private volatile Optional<Runner> runner = Optional.empty();
  private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.MIN);

  public ScheduleTtlPolicy(Clock clock) {
    this.clock = clock;
  }

  /** Starts answering for {@code r}'s schedules; takes the first snapshot now. */
  public void bind(Runner r) {
    runner = Optional.of(r);
    refresh();
  }

  /** The TTL of pushes to this group, if a schedule's job pushes it. */
  @Override
  public Optional<Duration> ttlFor(GroupingKey key) {
    return ttlForJob(key.job());
  }

  /** The TTL of pushes whose {@code job} label is this, if it is a schedule's script. */
  public Optional<Duration> ttlForJob(String job) {
    Snapshot s = snapshot;
    if (runner.isPresent()
        && clock.instant().isAfter(s.takenAt().plusSeconds(REFRESH_SECONDS))) {
      refreshInBackground();
    }
    return Optional.ofNullable(s.ttls().get(job));
  }

  /** Every job label that has a TTL now, and the TTL; for logs and tests. */
  public Map<String, Duration> ttls() {
    return snapshot.ttls();
  }

  /** Takes a new snapshot of the schedules now, on the caller's thread. */
  public void refresh() {
    Optional<Runner> r = runner;
    if (r.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Map<String, Duration> ttls = compute(r.get(), now);
    Snapshot old = snapshot;
    snapshot = new Snapshot(Map.copyOf(ttls), now);
    ttls.forEach((job, ttl) -> {
      if (!ttl.equals(old.ttls().get(job))) {
        LOG.atInfo().addKeyValue("job", job).addKeyValue("ttl", ttl)
            .log("groups of this schedule's job expire after the TTL since their last push");
      }
    });
  }

  private void refreshInBackground() {
    if (!refreshing.compareAndSet(false, true)) {
      return;
    }
    Thread.ofVirtual().name("schedule-ttl-refresh").start(() -> {
      try {
        refresh();
      } catch (RuntimeException e) {
        LOG.warn("could not read the schedules for their TTLs: {}", e.toString());
      } finally {
        refreshing.set(false);
      }
    });
  }

  private Map<String, Duration> compute(Runner r, Instant now) {
    Duration defaultTimeout = r.config().defaultTimeout();
    Map<String, Duration> ttls = new HashMap<>();
    for (String workspace : r.workspaces()) {
      for (Schedule s : schedules(r, workspace)) {
        Optional<Duration> gap = cadence(s, now);
        Optional<Duration> timeout = timeout(r, workspace, s.scriptPath(), defaultTimeout);
        if (gap.isPresent() && timeout.isPresent()) {
          ttls.merge(s.scriptPath().value(), ScheduleTtl.of(gap.get(), timeout.get()),
              (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
      }
    }
    return ttls;
  }

  private static List<Schedule> schedules(Runner r, String workspace) {
    List<Schedule> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      List<Schedule> batch = r.schedules(workspace, ListQuery.all().withPage(page, PAGE));
      all.addAll(batch);
      if (batch.size() < PAGE) {
        return all;
      }
    }
  }

  private Optional<Duration> cadence(Schedule s, Instant now) {
    String key = s.timezone() + " " + s.cron();
    Cadence known = cadences.get(key);
    if (known != null && now.isBefore(known.computedAt().plus(CADENCE_VALIDITY))) {
      return known.gap();
    }
    Optional<Duration> gap;
    try {
      gap = ScheduleCadence.longestGap(CronSchedule.parse(s.cron(), s.timezone()), now);
    } catch (RuntimeException e) {
      LOG.debug("schedule {} has no usable cadence: {}", s.path(), e.getMessage());
      gap = Optional.empty();
    }
    if (cadences.size() >= MAX_CADENCES) {
      cadences.clear();
    }
    cadences.put(key, new Cadence(gap, now));
    return gap;
  }

  private static Optional<Duration> timeout(Runner r, String workspace, ScriptPath script,
      Duration defaultTimeout) {
    try {
      return Optional.of(r.script(workspace, script).timeout().orElse(defaultTimeout));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }
}
