package io.pushmill.runner.store;

import io.pushmill.runner.BadRequestException;

/**
 * What differs between H2 and PostgreSQL, and nothing else: how a worker claims jobs and how a
 * counter row is upserted. Everything else is SQL both accept.
 */
public enum Dialect {
  /**
   * H2 applies {@code LIMIT} before it drops rows locked by others ({@code stack.md} §4), so a
   * {@code SKIP LOCKED} claim would see spurious empty polls. H2 claims by compare-and-set instead:
   * pick candidates without locks, then {@code UPDATE … WHERE id = ? AND state = 'queued'}; an
   * update count of 1 means this caller won the job.
   */
  H2(
      """
      MERGE INTO run_stat t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(8)),
          CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(16)),
          CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS DOUBLE PRECISION),
          CAST(? AS TIMESTAMP WITH TIME ZONE)))
        AS n(workspace_id, kind, script_path, schedule_path, status, bucket, shard, seconds, at)
      ON t.workspace_id = n.workspace_id AND t.kind = n.kind AND t.script_path = n.script_path
        AND t.schedule_path = n.schedule_path AND t.status = n.status AND t.bucket = n.bucket
        AND t.shard = n.shard
      WHEN MATCHED THEN UPDATE SET samples = t.samples + 1,
        sum_seconds = t.sum_seconds + n.seconds, last_at = GREATEST(t.last_at, n.at)
      WHEN NOT MATCHED THEN INSERT
        (workspace_id, kind, script_path, schedule_path, status, bucket, shard, samples,
         sum_seconds, last_at)
        VALUES (n.workspace_id, n.kind, n.script_path, n.schedule_path, n.status, n.bucket,
         n.shard, 1, n.seconds, n.at)
      """),
  /** PostgreSQL claims with one {@code UPDATE … WHERE id IN (… FOR UPDATE SKIP LOCKED)}. */
  POSTGRES(postgresStatUpsert(""));

  private final String statUpsert;

  Dialect(String statUpsert) {
    this.statUpsert = statUpsert;
  }

  /**
   * The upsert of one statistics sample; arguments: workspace, kind, script path, schedule path,
   * status, bucket, shard, seconds, time.
   */
  String statUpsert() {
    return statUpsert;
  }

  /**
   * PostgreSQL's upsert of one statistics sample (arguments as {@link #statUpsert()}): once, or,
   * with a {@code source}, once for each row of that source, such as a CTE of the jobs a verdict
   * applied to. The casts give the parameters their types where no column can.
   */
  static String postgresStatUpsert(String source) {
    return """
        INSERT INTO run_stat (workspace_id, kind, script_path, schedule_path, status, bucket,
          shard, samples, sum_seconds, last_at)
        SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(8)), CAST(? AS VARCHAR(255)),
          CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(16)), CAST(? AS INTEGER), CAST(? AS INTEGER),
          1, CAST(? AS DOUBLE PRECISION), CAST(? AS TIMESTAMP WITH TIME ZONE)
        """ + (source.isEmpty() ? "" : "FROM " + source + "\n") + """
        ON CONFLICT (workspace_id, kind, script_path, schedule_path, status, bucket, shard)
        DO UPDATE SET samples = run_stat.samples + 1,
          sum_seconds = run_stat.sum_seconds + EXCLUDED.sum_seconds,
          last_at = GREATEST(run_stat.last_at, EXCLUDED.last_at)
        """;
  }

  /** The dialect of a JDBC URL: {@code jdbc:h2:…} or {@code jdbc:postgresql:…}. */
  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    }
    String scheme = jdbcUrl.split(":", 3).length >= 2 ? jdbcUrl.split(":", 3)[1] : jdbcUrl;
    throw new BadRequestException("unsupported database '" + scheme
        + "': use a jdbc:postgresql: URL, or none for the embedded H2 database");
  }
}
