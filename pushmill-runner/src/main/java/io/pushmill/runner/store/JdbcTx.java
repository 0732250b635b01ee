package io.pushmill.runner.store;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Tx} on one JDBC connection; repositories are made on first use. */
final class JdbcTx implements Tx {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcTx.class);

  private final Sql sql;
  private final Dialect dialect;
  private final List<Runnable> afterCommit = new ArrayList<>();

  JdbcTx(Connection connection, Dialect dialect) {
    this.sql = new Sql(connection);
    this.dialect = dialect;
  }

  @Override
  public WorkspaceRepository workspaces() {
    return new JdbcWorkspaces(sql);
  }

  @Override
  public ScriptRepository scripts() {
    return new JdbcScripts(sql);
  }

  @Override
  public ScheduleRepository schedules() {
    return new JdbcSchedules(sql);
  }

  @Override
  public JobRepository jobs() {
    return new JdbcJobs(sql, dialect);
  }

  @Override
  public LogRepository logs() {
    return new JdbcLogs(sql);
  }

  @Override
  public WorkerRepository workers() {
    return new JdbcWorkers(sql);
  }

  @Override
  public StatsRepository stats() {
    return new JdbcStats(sql, dialect);
  }

  @Override
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  void runAfterCommit() {
    for (Runnable action : afterCommit) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("an after-commit action failed", e);
      }
    }
    afterCommit.clear();
  }
}
