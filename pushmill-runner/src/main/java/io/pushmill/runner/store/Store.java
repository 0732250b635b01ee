package io.pushmill.runner.store;

import java.util.function.Function;

/**
 * The runner's database. Work runs against a {@link Tx}, whose repositories share one connection.
 *
 * <p>Concurrency: any number of threads and processes may use one database. Each
 * {@link #inTransaction} commits once; it is retried (at most 3 times) when the database reports a
 * deadlock, serialisation failure or lock timeout, so the work must only touch the database until
 * it returns, and defer other effects to {@link Tx#afterCommit}.
 */
public interface Store extends AutoCloseable {

  /** Runs {@code work} in one transaction and commits; after-commit actions run once it has. */
  <T> T inTransaction(Function<Tx, T> work);

  /**
   * Runs {@code work} whose only write is one repository call documented as a single statement on
   * PostgreSQL (such as {@link JobRepository#claim}). There it runs without a transaction around
   * it: the statement commits by itself, which saves the COMMIT round trip and the time the
   * database would wait for it inside an open transaction. On H2 it runs as {@link #inTransaction}.
   * Retries and after-commit actions are as there.
   */
  <T> T inOneStatement(Function<Tx, T> work);

  /** Runs reads without a transaction (each statement on its own); for queries only. */
  <T> T read(Function<Tx, T> work);

  Dialect dialect();

  @Override
  void close();
}
