package io.pushmill.runner.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pushmill.runner.ConflictException;
import io.pushmill.runner.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Store} on JDBC: a HikariCP pool of at most a few connections, and the schema migrated
 * by Flyway at open, from the same migration files for H2 and PostgreSQL.
 */
public final class JdbcStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
  private static final int MAX_ATTEMPTS = 3;
  private static final String MIGRATIONS = "classpath:db/pushmill-runner";

  private final HikariDataSource pool;
  private final Dialect dialect;

  private JdbcStore(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  /** The embedded H2 database in {@code dataDir}, created when missing. */
  public static JdbcStore openH2(Path dataDir, int maxConnections) {
    String url = "jdbc:h2:file:" + dataDir.resolve("runner").toAbsolutePath()
        + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    return open(url, maxConnections);
  }

  /**
   * The database at a JDBC URL ({@code jdbc:postgresql:…} or {@code jdbc:h2:…}), migrated. The URL
   * may carry credentials, so it never appears in a message.
   */
  public static JdbcStore open(String jdbcUrl, int maxConnections) {
    Dialect dialect = Dialect.of(jdbcUrl);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName("pushmill-runner");
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StorageException("cannot connect to the " + dialect.name() + " database: "
          + rootMessage(e), e);
    }
    try {
      Flyway.configure().dataSource(pool).locations(MIGRATIONS)
          .table("pushmill_runner_schema_history").load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StorageException("cannot migrate the runner's schema: " + rootMessage(e), e);
    }
    LOG.info("runner database ready ({}, pool of {})", dialect, maxConnections);
    return new JdbcStore(pool, dialect);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }

  @Override
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public <T> T inTransaction(Function<Tx, T> work) {
    return withRetries(() -> attempt(work, true));
  }

  @Override
  public <T> T inOneStatement(Function<Tx, T> work) {
    return withRetries(() -> attempt(work, dialect != Dialect.POSTGRES));
  }

  private <T> T withRetries(Supplier<T> attempt) {
    for (int n = 1; ; n++) {
      try {
        return attempt.get();
      } catch (SqlFailure.Transient e) {
        if (n >= MAX_ATTEMPTS) {
          throw new StorageException("gave up after " + n + " attempts: " + e.getMessage(), e);
        }
        LOG.debug("retrying a transaction after: {}", e.getMessage());
      } catch (SqlFailure.DuplicateKey e) {
        throw new ConflictException(e.getMessage());
      }
    }
  }

  /** One try of {@code work}: in a transaction, or with each statement committing by itself. */
  private <T> T attempt(Function<Tx, T> work, boolean transaction) {
    try (Connection c = pool.getConnection()) {
      JdbcTx tx = new JdbcTx(c, dialect);
      if (!transaction) {
        T result = work.apply(tx);
        tx.runAfterCommit();
        return result;
      }
      c.setAutoCommit(false);
      try {
        T result = work.apply(tx);
        c.commit();
        tx.runAfterCommit();
        return result;
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw SqlFailure.of("COMMIT", e);
    }
  }

  @Override
  public <T> T read(Function<Tx, T> work) {
    try (Connection c = pool.getConnection()) {
      JdbcTx tx = new JdbcTx(c, dialect);
      T result = work.apply(tx);
      tx.runAfterCommit();
      return result;
    } catch (SQLException e) {
      throw new StorageException("cannot get a database connection: " + e.getMessage(), e);
    } catch (SqlFailure.DuplicateKey e) {
      throw new ConflictException(e.getMessage());
    } catch (SqlFailure.Transient e) {
      throw new StorageException(e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
