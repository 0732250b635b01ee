package io.pushmill.server.ui;

import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.server.ui.view.JobsView.Filters;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The jobs page's filters ({@code status}, {@code script}, {@code schedule}, {@code worker},
 * {@code min} and {@code max} seconds) as a {@link JobQuery}; a value that is not one says so
 * (400) naming the field.
 */
final class JobFilterForm {
  static final List<String> STATUSES = Arrays.stream(JobState.values()).map(JobState::id)
      .toList();

  private JobFilterForm() {}

  static Filters filters(UiRequest r) {
    return new Filters(r.param("status", ""), r.param("script", "").strip(),
        r.param("schedule", "").strip(), r.param("worker", "").strip(),
        r.param("min", "").strip(), r.param("max", "").strip());
  }

  static JobQuery query(Filters f) {
    JobQuery q = JobQuery.all();
    if (!f.status().isEmpty()) {
      JobState state = JobState.byId(f.status()).orElseThrow(() -> UiException.badRequest(
          "status must be one of " + STATUSES + ", got '" + f.status() + "'."));
      q = q.withStates(Set.of(state));
    }
    if (!f.script().isEmpty()) {
      q = q.withScriptPath(ScriptPath.of(f.script()));
    }
    if (!f.schedule().isEmpty()) {
      q = q.withSchedulePath(ScriptPath.of(f.schedule()));
    }
    if (!f.worker().isEmpty()) {
      q = q.withWorker(f.worker());
    }
    Optional<Duration> min = seconds("min", f.minSeconds());
    Optional<Duration> max = seconds("max", f.maxSeconds());
    q = min.map(q::withMinDuration).orElse(q);
    return max.map(q::withMaxDuration).orElse(q);
  }

  private static Optional<Duration> seconds(String field, String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      BigDecimal s = new BigDecimal(value);
      if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(365L * 86_400)) > 0) {
        throw UiException.badRequest(field + " must be between 0 and a year of seconds, got '"
            + value + "'.");
      }
      return Optional.of(Duration.ofMillis(s.movePointRight(3).longValue()));
    } catch (NumberFormatException e) {
      throw UiException.badRequest(field + " must be a number of seconds, got '" + value
          + "'.");
    }
  }

  /** The filters as a query string for the pager's links, without {@code page}. */
  static String queryString(Filters f, String workspace) {
    StringBuilder sb = new StringBuilder();
    add(sb, "status", f.status());
    add(sb, "script", f.script());
    add(sb, "schedule", f.schedule());
    add(sb, "worker", f.worker());
    add(sb, "min", f.minSeconds());
    add(sb, "max", f.maxSeconds());
    if (!workspace.equals(io.pushmill.server.ui.view.PageInfo.DEFAULT_WORKSPACE)) {
      add(sb, "ws", workspace);
    }
    return sb.toString();
  }

  private static void add(StringBuilder sb, String name, String value) {
    if (!value.isEmpty()) {
      sb.append(name).append('=')
          .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8))
          .append('&');
    }
  }
}
