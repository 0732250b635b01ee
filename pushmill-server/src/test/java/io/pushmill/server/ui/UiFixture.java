package io.pushmill.server.ui;

import io.pushmill.gateway.history.HistoryOptions;
import io.pushmill.gateway.history.PushHistory;
import io.pushmill.gateway.http.BuildInfo;
import io.pushmill.gateway.http.metrics.GatewayMetrics;
import io.pushmill.gateway.store.DefaultMetricStore;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.PushOutcome;
import io.pushmill.gateway.store.PushMode;
import io.pushmill.gateway.store.PushRequest;
import io.pushmill.gateway.store.StoreOptions;
import io.pushmill.gateway.store.StorePersistence;
import io.pushmill.metrics.text.TextParser;
import io.pushmill.server.testing.ApiFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The API with the web UI in front, on a runner from {@link ApiFixture} and a gateway store in
 * memory with a push history (admin API on), without a socket unless asked for one.
 */
final class UiFixture implements AutoCloseable {
  final PushHistory history = PushHistory.create(HistoryOptions.defaults(),
      InstantSource.system());
  final DefaultMetricStore store;
  final ApiFixture api;

  private UiFixture(Path dataDir, boolean listen) throws Exception {
    this(dataDir, listen, true);
  }

  private UiFixture(Path dataDir, boolean listen, boolean adminApi) throws Exception {
    store = new DefaultMetricStore(StorePersistence.none(),
        GatewayMetrics.create(BuildInfo.of("test")),
        StoreOptions.defaults().withListener(history));
    GatewayView gateway = GatewayView.of(store, adminApi, GatewayView.charts(store, history));
    api = ApiFixture.start(dataDir, listen, (handler, stack) -> WebUi.withApi(handler,
        stack.runner(), stack.admin(), () -> Optional.of(gateway), Clock.systemUTC()));
  }

  static UiFixture start(Path dataDir) throws Exception {
    return new UiFixture(dataDir, false);
  }

  /** Without a socket, the gateway's admin API off. */
  static UiFixture withoutAdminApi(Path dataDir) throws Exception {
    return new UiFixture(dataDir, false, false);
  }

  static UiFixture startListening(Path dataDir) throws Exception {
    return new UiFixture(dataDir, true);
  }

  /** A browser-like client without a session. */
  UiClient client() {
    return new UiClient(api);
  }

  /** Pushes text-format metrics to a group, as {@code PUT /metrics/job/...} would. */
  PushOutcome push(GroupingKey key, String text) throws Exception {
    return push(key, text, Instant.now());
  }

  /** A push received at {@code time}, which the push history records it at. */
  PushOutcome push(GroupingKey key, String text, Instant time) throws Exception {
    return store.push(new PushRequest(key,
        TextParser.parse(text.getBytes(StandardCharsets.UTF_8), false), PushMode.REPLACE,
        time));
  }

  @Override
  public void close() throws Exception {
    api.close();
    store.close();
  }
}
