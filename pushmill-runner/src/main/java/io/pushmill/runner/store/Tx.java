package io.pushmill.runner.store;

/** The repositories of one unit of work, all on the same connection. */
public interface Tx {
  WorkspaceRepository workspaces();

  ScriptRepository scripts();

  ScheduleRepository schedules();

  JobRepository jobs();

  LogRepository logs();

  WorkerRepository workers();

  StatsRepository stats();

  /** Runs {@code action} after the commit, and never if the transaction rolls back. */
  void afterCommit(Runnable action);
}
