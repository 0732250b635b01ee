package io.pushmill.gateway.store;

import io.pushmill.metrics.MetricFamily;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The gateway's store of pushed groups.
 *
 * <p>Concurrency contract: every write (push, delete, wipe) goes through one FIFO queue applied by
 * one writer, so writes take effect in the order they were submitted, whichever thread submitted
 * them; a delete submitted before a push is applied before it. Reads never block on the writer for
 * longer than one write and always see a state between two writes, never a half-applied one. A
 * write is checked before it changes anything: a refused push changes only its group's {@code
 * push_failure_time_seconds}.
 *
 * <p>Own metrics (the gateway's, the JVM's, the runner's) are passed in by the caller at scrape
 * time; the store merges them by name with the pushed families and uses their type and HELP in
 * the consistency check (see {@link OwnMetrics}).
 */
public interface MetricStore extends AutoCloseable {
  String PUSH_TIME = "push_time_seconds";
  String PUSH_FAILURE_TIME = "push_failure_time_seconds";

  /**
   * Submits a push and waits until the writer has applied or refused it. A refused push still
   * records its failure time (creating the group if it must, unless its own {@code push_*} series
   * would be invalid, in which case nothing changes at all).
   */
  PushOutcome push(PushRequest request) throws InterruptedException;

  /**
   * Submits a push without waiting ({@code --push.disable-consistency-check}). The writer still
   * refuses what would make a scrape fail, and records the failure time.
   */
  void pushWithoutWaiting(PushRequest request) throws InterruptedException;

  /** Submits the deletion of exactly this group (no prefix matching); a missing group is fine. */
  void delete(GroupingKey key) throws InterruptedException;

  /** Submits the deletion of every group present when the writer gets to it. */
  void wipe() throws InterruptedException;

  /** Copies of all groups, in no particular order. */
  List<GroupSnapshot> groups();

  /** The number of groups and stored series, cheaply. */
  StoreStats stats();

  /**
   * Writes the merged store plus {@code own} families in the text format 0.0.4: families sorted by
   * name, metrics within a family in client_golang's order. Names that are not legacy-valid are
   * escaped with underscores when {@code escapeNames} is true (upstream's default), else quoted.
   */
  void writeText(OutputStream out, List<MetricFamily> own, boolean escapeNames) throws IOException;

  /** The merged store plus {@code own} families as model objects, sorted as for {@link #writeText}. */
  List<MetricFamily> gather(List<MetricFamily> own);

  /** False while the write queue is full: what {@code /-/healthy} and {@code /-/ready} report. */
  boolean healthy();

  /** Drains the queue, then persists (when persistence is on). Later writes are refused. */
  @Override
  void close() throws InterruptedException;
}
