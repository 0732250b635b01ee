package io.pushmill.gateway.store;

import io.pushmill.metrics.MetricFamily;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's metric store: one ordered write queue, indexed consistency checks, pre-rendered
 * scrapes, opt-in expiry. {@code push} waits for its outcome; {@code pushWithoutWaiting}, {@code
 * delete} and {@code wipe} return once queued. Reads never wait for more than one write.
 *
 * <p><b>Writes.</b> Pushes, deletes and wipes go through one bounded FIFO queue ({@link
 * StoreOptions#queueCapacity()}) to one writer thread. The pushing thread first sanitises, checks
 * and renders its push ({@link PushPreparer}); the writer then checks it against the rest of the
 * store through indexes kept per family name ({@link ConsistencyCheck}, cost O(size of the push))
 * and applies it ({@link PushApplier}). A full queue blocks submitters and makes {@link #healthy()}
 * false.
 *
 * <p><b>Reads.</b> Each stored series is kept as its model object plus its text lines rendered
 * once, in one sorted map per family name that is also the duplicate index. A scrape copies the
 * references under a short read lock and writes outside it, so it sees the state between two
 * writes and holds the writer up only for the copy (nothing at all for families that did not
 * change since the last scrape). The model objects are kept, not re-derived, because {@code
 * groups()}, persistence and protobuf scrapes need every field of them.
 *
 * <p><b>Expiry</b> (an extension; off unless a push URL, the {@link TtlPolicy} or the default TTL
 * gives a group a TTL): a group expires when strictly more than its TTL has passed since its last
 * successful push (see {@link GroupExpiry}). The writer deletes it then, as a DELETE would, and
 * reads leave it out from that instant on even if the writer is busy. Its series then vanish from
 * scrapes, so Prometheus marks them stale.
 *
 * <p><b>HELP and TYPE</b> of a name that several groups push: the type all their non-empty
 * families share (the check refuses a different one); the HELP most of them give, on a tie a HELP
 * before none and then the smaller in byte order. A name of one of the process's own metrics is
 * shown with the own HELP and type.
 *
 * <p><b>Deliberate differences from upstream</b> (also in {@code docs/differences.md}):
 *
 * <ul>
 *   <li>A refused push never creates a group whose own {@code push_*} series would be invalid
 *       (a grouping value that is not UTF-8) or repeat another group's ({@code {job=gi,
 *       instance=""}} next to {@code {job=gi}}); such a push changes nothing at all. Upstream
 *       creates it and then refuses every push and fails every scrape.
 *   <li>A family with an empty name is refused (upstream accepts it, and every text scrape is then
 *       empty).
 *   <li>{@link #pushWithoutWaiting} still runs the whole check and refuses what would break a
 *       scrape, recording the failure time; a scrape can never fail.
 *   <li>Pushed families named {@code push_time_seconds} or {@code push_failure_time_seconds} are
 *       ignored. Upstream overwrites the first, and stores a pushed {@code
 *       push_failure_time_seconds} as it came when the group already had one.
 *   <li>A histogram metric with its own {@code le} label, and a {@code GAUGE_HISTOGRAM} family
 *       holding anything but histograms, are refused, since their text would be invalid.
 *   <li>Where upstream's verdict depends on Go's map order, the decision is fixed: a family whose
 *       metrics do not match its own declared type is refused even if another group's family of
 *       the name would have made them pass; an empty family takes no part in the type check (only
 *       in the suffix check); a suffix collision counts with any remaining family of the name.
 *   <li>An inconsistency already in the store (only possible from a loaded file) blocks only the
 *       pushes that touch it, not every push.
 *   <li>Pushed series are not compared with the own metrics' series (only their type and HELP are
 *       known here).
 *   <li>A wipe deletes the groups present when the writer reaches it, including those whose
 *       pushes were queued before the wipe; upstream deletes those present when the wipe arrives.
 *   <li>The metric in consistency errors is always printed in 1.5.1's protobuf text form, and
 *       several errors are listed in the order of the pushed family names.
 * </ul>
 */
public final class DefaultMetricStore implements MetricStore {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultMetricStore.class);

  private final StoreState state;
  private final PushPreparer preparer;
  private final BlockingQueue<WriteOp> queue;
  private final ReentrantReadWriteLock submitLock = new ReentrantReadWriteLock();
  private final Thread writer;
  private volatile boolean closed;

  /**
   * Loads what {@code persistence} holds, then starts the writer.
   *
   * @throws IOException when the persisted state cannot be loaded and the gateway must not start
   */
  public DefaultMetricStore(
      StorePersistence persistence, OwnMetrics ownMetrics, StoreOptions options)
      throws IOException {
    if (options.queueCapacity() < 1) {
      throw new IllegalArgumentException(
          "queue capacity must be positive: " + options.queueCapacity());
    }
    if (options.persistenceInterval().isNegative() || options.persistenceInterval().isZero()) {
      throw new IllegalArgumentException(
          "persistence interval must be positive: " + options.persistenceInterval());
    }
    OwnMetrics own = neverThrowing(ownMetrics);
    this.state = new StoreState(own, options.clock());
    this.preparer =
        new PushPreparer(
            new Interner(), new TtlResolver(options.ttlPolicy(), options.defaultTtl()));
    this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
    ConsistencyCheck check = new ConsistencyCheck(state, own);
    new StoreLoader(state, preparer, check).load(persistence.load());
    StoreWriter loop =
        new StoreWriter(
            queue,
            state,
            new PushApplier(state, check),
            persistence,
            new PersistenceSchedule(options.persistenceInterval(), options.clock()),
            options.clock(),
            options.listener());
    this.writer = Thread.ofPlatform().name("pushmill-store-writer").daemon().unstarted(loop);
    writer.start();
  }

  // The writer asks about own metrics in the middle of a change; a failure there must not leave
  // the change half done.
  private static OwnMetrics neverThrowing(OwnMetrics own) {
    return name -> {
      try {
        return own.shapeOf(name);
      } catch (RuntimeException e) {
        LOG.warn("own metrics could not tell the shape of {}; treating it as not own", name, e);
        return Optional.empty();
      }
    };
  }

  @Override
  public PushOutcome push(PushRequest request) throws InterruptedException {
    CompletableFuture<PushOutcome> outcome = new CompletableFuture<>();
    submit(new WriteOp.Push(preparer.prepare(request), outcome));
    try {
      return outcome.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "the store could not apply the push to " + request.key(), e.getCause());
    }
  }

  @Override
  public void pushWithoutWaiting(PushRequest request) throws InterruptedException {
    submit(new WriteOp.Push(preparer.prepare(request), new CompletableFuture<>()));
  }

  @Override
  public void delete(GroupingKey key) throws InterruptedException {
    submit(new WriteOp.Delete(key));
  }

  @Override
  public void wipe() throws InterruptedException {
    submit(new WriteOp.Wipe());
  }

  /**
   * Waits until every write submitted before this call is applied, and the timed work due by then
   * (deleting expired groups, a save) is done. For tests that set the clock, and for callers that
   * must read their own deletes.
   */
  public void flush() throws InterruptedException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    submit(new WriteOp.Sync(done));
    try {
      done.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the store writer failed", e.getCause());
    }
  }

  // Submitters share the lock while they enqueue, so close() can put its stop marker last.
  private void submit(WriteOp op) throws InterruptedException {
    submitLock.readLock().lock();
    try {
      if (closed) {
        throw new StoreClosedException();
      }
      queue.put(op);
    } finally {
      submitLock.readLock().unlock();
    }
  }

  @Override
  public List<GroupSnapshot> groups() {
    return state.snapshots();
  }

  @Override
  public StoreStats stats() {
    return new StoreStats(
        state.groupCount(),
        state.seriesCount(),
        queue.size(),
        state.expiredGroups(),
        state.groupsWithTtl());
  }

  @Override
  public void writeText(OutputStream out, List<MetricFamily> own, boolean escapeNames)
      throws IOException {
    ScrapeWriter.writeText(state.scrapeFamilies(), own, escapeNames, out);
  }

  @Override
  public List<MetricFamily> gather(List<MetricFamily> own) {
    return ScrapeWriter.gather(state.scrapeFamilies(), own);
  }

  /** False while the write queue is full, and once the store is closed. */
  @Override
  public boolean healthy() {
    return !closed && queue.remainingCapacity() > 0;
  }

  @Override
  public void close() throws InterruptedException {
    boolean first;
    submitLock.writeLock().lock();
    try {
      first = !closed;
      closed = true;
    } finally {
      submitLock.writeLock().unlock();
    }
    if (first) {
      queue.put(new WriteOp.Stop());
    }
    writer.join();
  }
}
