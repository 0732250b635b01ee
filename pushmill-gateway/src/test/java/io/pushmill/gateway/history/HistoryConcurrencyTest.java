package io.pushmill.gateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.gateway.store.DefaultMetricStore;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.PushMode;
import io.pushmill.gateway.store.PushRequest;
import io.pushmill.gateway.store.StoreOptions;
import io.pushmill.gateway.store.StorePersistence;
import io.pushmill.metrics.text.TextParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The history fed by a real store while other threads scrape the store and read the history: every
 * push is one sample, in order, and no reader sees an error.
 */
class HistoryConcurrencyTest {
  private static final int PUSHERS = 3;
  private static final int PUSHES = 200;

  @Test
  void pushes_scrapes_and_history_reads_run_together() throws Exception {
    HistoryFixtures.Clock clock = new HistoryFixtures.Clock();
    clock.at(PUSHES + 1);
    PushHistory history = PushHistory.create(HistoryOptions.defaults(), clock);
    DefaultMetricStore store =
        new DefaultMetricStore(
            StorePersistence.none(),
            name -> Optional.empty(),
            new StoreOptions(Duration.ofMinutes(5), 100, clock).withListener(history));
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicBoolean done = new AtomicBoolean();
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      readers.add(Thread.ofPlatform().start(() -> read(store, history, done, errors)));
    }
    List<Thread> pushers = new ArrayList<>();
    for (int p = 0; p < PUSHERS; p++) {
      GroupingKey key = GroupingKey.of("job", "pusher" + p);
      pushers.add(Thread.ofPlatform().start(() -> push(store, key, errors)));
    }
    for (Thread t : pushers) {
      t.join();
    }
    done.set(true);
    for (Thread t : readers) {
      t.join();
    }
    store.close();

    assertThat(errors).isEmpty();
    List<SeriesHistory> all = history.query(HistoryQuery.of("m", Map.of()));
    assertThat(all).hasSize(PUSHERS);
    for (SeriesHistory s : all) {
      assertThat(s.samples()).hasSize(PUSHES);
      assertThat(s.samples().getLast().value()).isEqualTo(PUSHES - 1);
      assertThat(s.samples())
          .isSortedAccordingTo((a, b) -> Long.compare(a.timeMillis(), b.timeMillis()));
    }
  }

  private static void push(
      DefaultMetricStore store, GroupingKey key, ConcurrentLinkedQueue<Throwable> errors) {
    try {
      for (int i = 0; i < PUSHES; i++) {
        byte[] body = ("m " + i + "\n").getBytes(StandardCharsets.UTF_8);
        Instant t = HistoryFixtures.at(HistoryFixtures.T0, i);
        store.push(new PushRequest(key, TextParser.parse(body, false), PushMode.REPLACE, t));
      }
    } catch (Throwable e) {
      errors.add(e);
    }
  }

  private static void read(
      DefaultMetricStore store,
      PushHistory history,
      AtomicBoolean done,
      ConcurrentLinkedQueue<Throwable> errors) {
    try {
      while (!done.get()) {
        store.writeText(new ByteArrayOutputStream(), List.of(), true);
        for (SeriesHistory s : history.query(HistoryQuery.all())) {
          if (s.samples().isEmpty() || !s.current()) {
            throw new AssertionError("a pushed series without samples: " + s);
          }
        }
        history.stats();
      }
    } catch (Throwable e) {
      errors.add(e);
    }
  }
}
