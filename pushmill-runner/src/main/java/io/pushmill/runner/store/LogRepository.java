package io.pushmill.runner.store;

import io.pushmill.runner.model.LogSlice;
import java.util.Collection;
import java.util.UUID;

/** Job logs, stored as chunks keyed by their start offset, so appends never rewrite a row. */
public interface LogRepository {
  /** A piece of a job's log that starts at {@code start} (in UTF-16 characters). */
  record Chunk(UUID job, long start, String text) {}

  void append(Collection<Chunk> chunks);

  /** The log from {@code offset} on. */
  LogSlice read(UUID job, long offset);

  /** The log's length, where the next chunk starts. */
  long length(UUID job);

  int delete(Collection<UUID> jobs);
}
