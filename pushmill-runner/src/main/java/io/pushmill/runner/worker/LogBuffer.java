package io.pushmill.runner.worker;

import io.pushmill.runner.exec.LogSink;
import io.pushmill.runner.store.LogRepository.Chunk;
import java.util.Optional;
import java.util.UUID;

/**
 * A running job's log between flushes. It keeps the head of the output up to a cap in UTF-8 bytes,
 * then notes the truncation once and drops the rest. Thread-safe: the executor's reader thread
 * appends while the flusher drains.
 */
final class LogBuffer implements LogSink {
  private final UUID job;
  private final long capBytes;
  private final StringBuilder pending = new StringBuilder();
  private long pendingStart;
  private long acceptedBytes;
  private boolean truncated;

  LogBuffer(UUID job, long startOffset, long capBytes) {
    this.job = job;
    this.pendingStart = startOffset;
    this.capBytes = capBytes;
  }

  @Override
  public synchronized void append(String text) {
    if (truncated || text.isEmpty()) {
      return;
    }
    long room = capBytes - acceptedBytes;
    int fits = prefixWithin(text, room);
    pending.append(text, 0, fits);
    acceptedBytes += utf8Length(text, fits);
    if (fits < text.length()) {
      truncated = true;
      pending.append("\n[pushmill: log truncated at ").append(capBytes)
          .append(" bytes; the rest of the output was dropped]\n");
    }
  }

  /** Adds a line of the runner's own, which the cap does not hold back. */
  synchronized void note(String line) {
    if (!pending.isEmpty() && pending.charAt(pending.length() - 1) != '\n') {
      pending.append('\n');
    }
    pending.append(line).append('\n');
  }

  /** Takes what was written since the last drain, as a chunk at its offset. */
  synchronized Optional<Chunk> drain() {
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    Chunk chunk = new Chunk(job, pendingStart, pending.toString());
    pendingStart += pending.length();
    pending.setLength(0);
    return Optional.of(chunk);
  }

  /** The length of {@code text}'s longest prefix of at most {@code bytes} UTF-8 bytes. */
  static int prefixWithin(String text, long bytes) {
    long used = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (used + size > bytes) {
        break;
      }
      used += size;
      i += Character.charCount(cp);
    }
    return i;
  }

  private static long utf8Length(String text, int end) {
    long bytes = 0;
    for (int i = 0; i < end; ) {
      int cp = text.codePointAt(i);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += Character.charCount(cp);
    }
    return bytes;
  }
}
