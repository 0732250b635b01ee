package io.pushmill.gateway.store;

import static io.pushmill.gateway.store.Pushes.T0;
import static io.pushmill.gateway.store.Pushes.key;
import static io.pushmill.gateway.store.Pushes.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The write queue: order across threads, a full queue, close. */
class StoreConcurrencyTest {
  private final CountDownLatch writerBlocked = new CountDownLatch(1);
  private final CountDownLatch releaseWriter = new CountDownLatch(1);
  private DefaultMetricStore store;

  // The writer asks the own metrics about every pushed name; asking about this one blocks it.
  private final OwnMetrics blockingOwn =
      name -> {
        if (name.equals("block_writer") && releaseWriter.getCount() > 0) {
          writerBlocked.countDown();
          try {
            releaseWriter.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return Optional.empty();
      };

  private DefaultMetricStore open(int capacity) throws IOException {
    store =
        new DefaultMetricStore(
            StorePersistence.none(),
            blockingOwn,
            new StoreOptions(Duration.ofMinutes(5), capacity, new MutableClock(T0)));
    return store;
  }

  @AfterEach
  void close() throws InterruptedException {
    releaseWriter.countDown();
    store.close();
  }

  private boolean hasGroup(GroupingKey k) {
    return store.groups().stream().anyMatch(g -> g.key().equals(k));
  }

  @Test
  void a_delete_submitted_before_a_push_from_another_thread_is_applied_before_it() throws Exception {
    open(1000);
    GroupingKey k = key("job", "j");
    store.push(put(k, "old 1\n", T0));

    Thread deleter = Thread.ofPlatform().start(() -> run(() -> store.delete(k)));
    deleter.join();
    PushOutcome outcome = store.push(put(k, "new 1\n", T0));

    assertThat(outcome).isEqualTo(PushOutcome.accepted());
    assertThat(store.groups().getFirst().families()).containsKey("new").doesNotContainKey("old");
  }

  @Test
  void a_push_submitted_before_a_delete_from_another_thread_is_deleted() throws Exception {
    open(1000);
    GroupingKey k = key("job", "j");

    Thread pusher = Thread.ofPlatform().start(() -> run(() -> store.pushWithoutWaiting(put(k, "a 1\n", T0))));
    pusher.join();
    store.delete(k);
    store.push(put(key("job", "barrier"), "", T0));

    assertThat(hasGroup(k)).isFalse();
  }

  @Test
  void pushes_from_many_threads_are_all_applied() throws Exception {
    open(8);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < 25; i++) {
                      String job = "t" + thread + "_" + i;
                      run(() -> store.push(put(key("job", job), "m 1\n", T0)));
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }

    assertThat(store.stats().groups()).isEqualTo(100);
    assertThat(store.stats().series()).isEqualTo(300);
  }

  @Test
  void a_full_queue_blocks_the_submitter_and_makes_the_store_unhealthy() throws Exception {
    open(2);
    store.pushWithoutWaiting(put(key("job", "a"), "block_writer 1\n", T0));
    assertThat(writerBlocked.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(store.healthy()).isTrue();

    store.pushWithoutWaiting(put(key("job", "b"), "x 1\n", T0));
    store.delete(key("job", "c"));

    assertThat(store.healthy()).isFalse();
    assertThat(store.stats().queuedWrites()).isEqualTo(2);
    Thread submitter = Thread.ofPlatform().start(() -> run(() -> store.delete(key("job", "d"))));
    await().atMost(Duration.ofSeconds(10)).until(() -> submitter.getState() == Thread.State.WAITING);
    assertThat(submitter.isAlive()).isTrue();

    releaseWriter.countDown();
    submitter.join(10_000);

    assertThat(submitter.isAlive()).isFalse();
    store.push(put(key("job", "barrier"), "", T0));
    assertThat(store.healthy()).isTrue();
    assertThat(hasGroup(key("job", "b"))).isTrue();
  }

  @Test
  void wipe_deletes_the_groups_present_when_the_writer_reaches_it() throws Exception {
    open(1000);
    store.push(put(key("job", "a"), "m 1\n", T0));
    store.pushWithoutWaiting(put(key("job", "b"), "m 2\n", T0));

    store.wipe();
    store.push(put(key("job", "c"), "m 3\n", T0));

    assertThat(store.groups()).extracting(GroupSnapshot::key).containsExactly(key("job", "c"));
    assertThat(store.stats().series()).isEqualTo(3);
  }

  @Test
  void writes_after_close_are_refused_and_reads_still_work() throws Exception {
    open(1000);
    store.push(put(key("job", "a"), "m 1\n", T0));

    store.close();
    store.close();

    assertThatThrownBy(() -> store.push(put(key("job", "b"), "", T0))).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> store.pushWithoutWaiting(put(key("job", "b"), "", T0)))
        .isInstanceOf(StoreClosedException.class)
        .hasMessage("the metric store is closed and accepts no more writes");
    assertThatThrownBy(() -> store.delete(key("job", "a"))).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> store.wipe()).isInstanceOf(StoreClosedException.class);
    assertThat(store.groups()).hasSize(1);
    assertThat(Pushes.scrape(store)).contains("m{instance=\"\",job=\"a\"} 1\n");
    assertThat(store.healthy()).isFalse();
  }

  private interface Action {
    void run() throws InterruptedException;
  }

  private static void run(Action action) {
    try {
      action.run();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
