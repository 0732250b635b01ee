package io.pushmill.runner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Plain JDBC on one connection: statements with positional arguments, rows mapped by a lambda.
 * Arguments may be {@link Instant} (stored in UTC, to the microsecond both databases keep),
 * {@link UUID}, {@code Optional}s of those, or a {@link Null} that says which SQL type is null.
 */
final class Sql {
  private final Connection connection;

  Sql(Connection connection) {
    this.connection = connection;
  }

  /** A typed SQL NULL, for the drivers that need to know the type of a null. */
  record Null(int sqlType) {}

  static final Null NULL_TEXT = new Null(Types.VARCHAR);
  static final Null NULL_TIME = new Null(Types.TIMESTAMP_WITH_TIMEZONE);
  static final Null NULL_BIGINT = new Null(Types.BIGINT);
  static final Null NULL_INT = new Null(Types.INTEGER);

  static Object text(Optional<String> value) {
    return value.isPresent() ? value.get() : NULL_TEXT;
  }

  static Object time(Optional<Instant> value) {
    return value.isPresent() ? value.get() : NULL_TIME;
  }

  static Object bigint(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : NULL_BIGINT;
  }

  static Object integer(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : NULL_INT;
  }

  /** Instants as the databases keep them, so what is read back equals what was written. */
  static Instant truncate(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(Row row) throws SQLException;
  }

  <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
    try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      Row row = new Row(rs);
      while (rs.next()) {
        out.add(mapper.map(row));
      }
      return out;
    } catch (SQLException e) {
      throw SqlFailure.of(sql, e);
    }
  }

  <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
    List<T> rows = list(sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  long count(String sql, Object... args) {
    return one(sql, r -> r.longValue(1), args).orElse(0L);
  }

  int update(String sql, Object... args) {
    try (PreparedStatement ps = prepare(sql, args)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailure.of(sql, e);
    }
  }

  /** Runs one statement for each argument list, in one round trip where the driver can. */
  void batch(String sql, Collection<Object[]> argLists) {
    if (argLists.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (Object[] args : argLists) {
        bind(ps, args);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw SqlFailure.of(sql, e);
    }
  }

  /** {@code ?, ?, ?} for an IN list of {@code n} values. */
  static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private PreparedStatement prepare(String sql, Object[] args) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    try {
      bind(ps, args);
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Optional<?> o) {
        throw new IllegalArgumentException("bind Optionals through text()/time(): argument " + i);
      }
      switch (a) {
        case null -> throw new IllegalArgumentException("use a typed Null for argument " + i);
        case Null n -> ps.setNull(i + 1, n.sqlType());
        case Instant t -> ps.setObject(i + 1, OffsetDateTime.ofInstant(truncate(t), ZoneOffset.UTC));
        case UUID u -> ps.setObject(i + 1, u);
        default -> ps.setObject(i + 1, a);
      }
    }
  }
}
