package io.pushmill.server.api;

import io.pushmill.runner.model.JobKind;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.ScriptPath;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of Windmill's job lists as a {@link JobQuery}: {@code script_path_exact},
 * {@code schedule_path}, {@code running}, {@code success}, {@code created_after},
 * {@code created_before}, {@code job_kinds}, {@code page} and {@code per_page}. Filters no Pushmill
 * job can pass (only other job kinds, a parent job, flow steps) give no query at all.
 */
final class JobFilters {
  static final int DEFAULT_PER_PAGE = 30;

  private JobFilters() {}

  static Optional<JobQuery> from(ApiRequest r) {
    Optional<Set<JobKind>> kinds = r.query("job_kinds").map(JobFilters::kinds);
    if (kinds.isPresent() && kinds.get().isEmpty()
        || r.query("parent_job").isPresent()
        || r.booleanQuery("is_flow_step").orElse(false)
        || !r.booleanQuery("has_null_parent").orElse(true)) {
      return Optional.empty();
    }
    int page = Paging.page(r);
    int perPage = Paging.perPage(r, DEFAULT_PER_PAGE);
    JobQuery q = JobQuery.all().withPage(page, perPage);
    q = q.withKinds(kinds.orElse(Set.of()));
    q = r.query("script_path_exact").map(ScriptPath::of).map(q::withScriptPath).orElse(q);
    q = r.query("schedule_path").map(ScriptPath::of).map(q::withSchedulePath).orElse(q);
    q = r.booleanQuery("running").map(q::withRunning).orElse(q);
    q = r.booleanQuery("success").map(q::withSuccess).orElse(q);
    q = r.instantQuery("created_after").map(q::withCreatedAfter).orElse(q);
    q = r.instantQuery("created_before").map(q::withCreatedBefore).orElse(q);
    return Optional.of(q);
  }

  /** The kinds Pushmill knows among a comma-separated list of Windmill's. */
  private static Set<JobKind> kinds(String list) {
    Set<JobKind> kinds = EnumSet.noneOf(JobKind.class);
    Arrays.stream(list.split(",")).map(String::strip).map(JobKind::byId)
        .flatMap(Optional::stream).forEach(kinds::add);
    return kinds;
  }
}
