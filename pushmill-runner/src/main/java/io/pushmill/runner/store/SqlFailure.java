package io.pushmill.runner.store;

import io.pushmill.runner.StorageException;
import java.sql.SQLException;

/** Turns an {@link SQLException} into the runner's exceptions, telling the kinds callers act on. */
final class SqlFailure {
  private SqlFailure() {}

  /** A unique or primary key was violated: the caller maps it to a conflict. */
  static final class DuplicateKey extends RuntimeException {
    DuplicateKey(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A deadlock, serialisation failure or lock timeout: the transaction may be retried. */
  static final class Transient extends RuntimeException {
    Transient(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static RuntimeException of(String sql, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String statement = sql.strip().split("\\s+", 2)[0];
    String message = statement + " failed: " + e.getMessage();
    if (state.equals("23505")) {
      return new DuplicateKey(message, e);
    }
    if (isTransient(state)) {
      return new Transient(message, e);
    }
    return new StorageException(message, e);
  }

  static boolean isTransient(String sqlState) {
    // 40001 serialisation failure / H2 deadlock, 40P01 PostgreSQL deadlock, HYT00 H2 lock timeout.
    return sqlState.equals("40001") || sqlState.equals("40P01") || sqlState.equals("HYT00");
  }
}
