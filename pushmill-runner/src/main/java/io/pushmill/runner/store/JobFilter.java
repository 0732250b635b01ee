package io.pushmill.runner.store;

import io.pushmill.runner.model.JobKind;
import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.JobState;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a job list, built from Windmill's filters, and its ORDER BY: newest first
 * ({@code created_at DESC, id}), led by the columns the filter fixes to one value (the workspace,
 * and the script, schedule, worker or single state when given). Leading with them changes no
 * order, but lets H2 read a page straight from the matching {@code job_list*} index instead of
 * sorting every matching row (H2 uses an index for ORDER BY only when the ORDER BY names its
 * columns from the first).
 */
record JobFilter(String where, List<Object> args, String orderBy) {

  static JobFilter of(String workspace, JobQuery q) {
    StringBuilder where = new StringBuilder("workspace_id = ?");
    List<Object> args = new ArrayList<>(List.of(workspace));
    q.scriptPathExact().ifPresent(p -> {
      where.append(" AND script_path = ?");
      args.add(p.value());
    });
    q.schedulePath().ifPresent(p -> {
      where.append(" AND schedule_path = ?");
      args.add(p.value());
    });
    q.running().ifPresent(r -> where.append(r ? " AND state = 'running'" : " AND state = 'queued'"));
    q.success().ifPresent(s -> where.append(
        s ? " AND state = 'success'" : " AND state IN ('failure', 'canceled')"));
    q.createdAfter().ifPresent(t -> {
      where.append(" AND created_at > ?");
      args.add(t);
    });
    q.createdBefore().ifPresent(t -> {
      where.append(" AND created_at < ?");
      args.add(t);
    });
    if (!q.states().isEmpty()) {
      where.append(" AND state IN (").append(Sql.placeholders(q.states().size())).append(")");
      q.states().stream().map(JobState::id).sorted().forEach(args::add);
    }
    q.worker().ifPresent(w -> {
      where.append(" AND worker = ?");
      args.add(w);
    });
    q.minDuration().ifPresent(d -> {
      where.append(" AND duration_ms >= ?");
      args.add(d.toMillis());
    });
    q.maxDuration().ifPresent(d -> {
      where.append(" AND duration_ms <= ?");
      args.add(d.toMillis());
    });
    if (!q.kinds().isEmpty()) {
      where.append(" AND kind IN (").append(Sql.placeholders(q.kinds().size())).append(")");
      q.kinds().stream().map(JobKind::id).sorted().forEach(args::add);
    }
    return new JobFilter(where.toString(), List.copyOf(args), orderBy(q));
  }

  /** The first fixed column with an index of its own, in the order of the indexes' selectivity. */
  private static String orderBy(JobQuery q) {
    String lead = "workspace_id, ";
    if (q.scriptPathExact().isPresent()) {
      lead += "script_path, ";
    } else if (q.schedulePath().isPresent()) {
      lead += "schedule_path, ";
    } else if (q.worker().isPresent()) {
      lead += "worker, ";
    } else if (singleState(q)) {
      lead += "state, ";
    }
    return lead + "created_at DESC, id";
  }

  private static boolean singleState(JobQuery q) {
    int fromFlags = (q.running().isPresent() ? 1 : 0) + (q.success().orElse(false) ? 1 : 0);
    boolean failedFlag = q.success().isPresent() && !q.success().get();
    return !failedFlag && (q.states().size() == 1 && fromFlags == 0
        || q.states().isEmpty() && fromFlags == 1);
  }
}
