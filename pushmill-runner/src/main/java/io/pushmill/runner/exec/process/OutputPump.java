package io.pushmill.runner.exec.process;

import io.pushmill.runner.exec.LogSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a child's merged stdout and stderr on a virtual thread and hands the text to the job's
 * {@link LogSink} as it arrives. Decoding is UTF-8 through a stateful reader, so a character split
 * across two reads is decoded whole; malformed bytes become U+FFFD.
 */
final class OutputPump implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(OutputPump.class);

  private final InputStream in;
  private final LogSink sink;
  private final long maxLogChars;
  private final LastLine lastLine;
  private final CountDownLatch ended = new CountDownLatch(1);
  private long forwarded;
  private boolean truncated;
  private boolean detached;

  private OutputPump(InputStream in, LogSink sink, OutputLimits limits) {
    this.in = in;
    this.sink = sink;
    this.maxLogChars = limits.maxLogChars();
    this.lastLine = new LastLine(limits.maxLastLineChars());
  }

  static OutputPump start(InputStream in, LogSink sink, OutputLimits limits) {
    OutputPump pump = new OutputPump(in, sink, limits);
    Thread.ofVirtual().name("job-output").start(pump);
    return pump;
  }

  @Override
  public void run() {
    char[] buffer = new char[8192];
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      int n;
      while ((n = reader.read(buffer)) != -1) {
        accept(buffer, n);
      }
    } catch (IOException e) {
      log.debug("job output stream ended with an error", e);
    } finally {
      ended.countDown();
    }
  }

  private synchronized void accept(char[] chars, int n) {
    lastLine.accept(chars, n);
    if (detached || truncated) {
      return;
    }
    long room = maxLogChars - forwarded;
    int take = (int) Math.min(n, room);
    if (take > 0) {
      forward(new String(chars, 0, take));
      forwarded += take;
    }
    if (take < n) {
      truncated = true;
      forward("\n[pushmill: log truncated after " + maxLogChars + " characters]\n");
    }
  }

  private void forward(String text) {
    try {
      sink.append(text);
    } catch (RuntimeException e) {
      log.warn("the job's log sink failed; output is still drained", e);
    }
  }

  /** Waits for end of stream; false if it did not come in time. */
  boolean awaitEnd(Duration wait) throws InterruptedException {
    return ended.await(wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Stops forwarding: output that still arrives (from a process that escaped) is dropped. */
  synchronized void detach() {
    detached = true;
  }

  synchronized String lastLine() {
    return lastLine.value();
  }
}
