package io.pushmill.runner.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/** Typed reads of the current row, with {@code Optional}s for nullable columns. */
final class Row {
  private final ResultSet rs;

  Row(ResultSet rs) {
    this.rs = rs;
  }

  String text(String column) throws SQLException {
    return rs.getString(column);
  }

  Optional<String> optText(String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  boolean bool(String column) throws SQLException {
    return rs.getBoolean(column);
  }

  int intValue(String column) throws SQLException {
    return rs.getInt(column);
  }

  long longValue(String column) throws SQLException {
    return rs.getLong(column);
  }

  long longValue(int index) throws SQLException {
    return rs.getLong(index);
  }

  double doubleValue(String column) throws SQLException {
    return rs.getDouble(column);
  }

  OptionalLong optLong(String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
  }

  OptionalInt optInt(String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
  }

  Instant instant(String column) throws SQLException {
    return optInstant(column).orElseThrow(
        () -> new IllegalStateException("column " + column + " is NULL"));
  }

  Optional<Instant> optInstant(String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  Optional<Instant> optInstant(int index) throws SQLException {
    return Optional.ofNullable(rs.getObject(index, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  UUID uuid(String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }
}
