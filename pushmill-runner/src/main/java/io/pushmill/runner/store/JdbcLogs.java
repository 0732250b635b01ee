package io.pushmill.runner.store;

import io.pushmill.runner.model.LogSlice;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** {@link LogRepository} on JDBC. */
final class JdbcLogs implements LogRepository {
  private final Sql sql;

  JdbcLogs(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void append(Collection<Chunk> chunks) {
    sql.batch("INSERT INTO job_log (job_id, start_offset, end_offset, chunk) VALUES (?, ?, ?, ?)",
        chunks.stream()
            .filter(c -> !c.text().isEmpty())
            .map(c -> new Object[] {c.job(), c.start(), c.start() + c.text().length(), c.text()})
            .toList());
  }

  @Override
  public LogSlice read(UUID job, long offset) {
    long from = Math.max(0, offset);
    List<Chunk> chunks = sql.list("SELECT start_offset, chunk FROM job_log WHERE job_id = ?"
            + " AND end_offset > ? ORDER BY start_offset",
        r -> new Chunk(job, r.longValue("start_offset"), r.text("chunk")), job, from);
    StringBuilder text = new StringBuilder();
    long next = from;
    for (Chunk c : chunks) {
      if (c.start() > next) {
        // A gap: the chunk before this one is still being written by another transaction.
        break;
      }
      text.append(c.text(), (int) (next - c.start()), c.text().length());
      next = c.start() + c.text().length();
    }
    return new LogSlice(text.toString(), next);
  }

  @Override
  public long length(UUID job) {
    return sql.count("SELECT COALESCE(MAX(end_offset), 0) FROM job_log WHERE job_id = ?", job);
  }

  @Override
  public int delete(Collection<UUID> jobs) {
    if (jobs.isEmpty()) {
      return 0;
    }
    return sql.update("DELETE FROM job_log WHERE job_id IN (" + Sql.placeholders(jobs.size())
        + ")", jobs.toArray());
  }
}
