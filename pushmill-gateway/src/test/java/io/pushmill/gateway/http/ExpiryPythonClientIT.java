package io.pushmill.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pushmill.gateway.history.HistoryOptions;
import io.pushmill.gateway.history.HistoryQuery;
import io.pushmill.gateway.history.PushHistory;
import io.pushmill.gateway.history.SeriesHistory;
import io.pushmill.gateway.http.metrics.GatewayMetrics;
import io.pushmill.gateway.store.DefaultMetricStore;
import io.pushmill.gateway.store.GroupExpiry;
import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.StoreOptions;
import io.pushmill.gateway.store.StorePersistence;
import io.pushmill.gateway.store.TtlSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TTL pseudo-label sent by the real Python client ({@code prometheus_client} of Debian's
 * {@code /usr/bin/python3}) as an ordinary grouping label, against a gateway on a free port whose
 * clock the test sets.
 */
class ExpiryPythonClientIT {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final String JOB = "u/admin/random_number_metric_script";
  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InstantSource clock = now::get;
  private DefaultMetricStore store;
  private PushHistory history;
  private GatewayServer server;
  private String address;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "Debian's python3 is installed");
    GatewayMetrics metrics = GatewayMetrics.withoutJvm(GatewayTester.BUILD);
    history = PushHistory.create(HistoryOptions.defaults(), clock);
    store =
        new DefaultMetricStore(
            StorePersistence.none(),
            metrics,
            new StoreOptions(Duration.ofMinutes(5), 1000, clock).withListener(history));
    GatewayOptions options =
        GatewayTester.options().withListenAddresses(List.of("127.0.0.1:0")).withClock(clock);
    server = GatewayServer.create(store, metrics, options, history);
    server.start();
    address = server.uris().getFirst().getAuthority();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.close();
      store.close();
    }
  }

  /** Runs the tutorial's push with one grouping key and method; returns the client's output. */
  private String python(String function, String groupingKey, int value) throws Exception {
    String script =
        String.join(
            "\n",
            "from prometheus_client import CollectorRegistry, Gauge, " + function,
            "registry = CollectorRegistry()",
            "g = Gauge('job_records_processed', 'Number of records processed', registry=registry)",
            "g.set(" + value + ")",
            function
                + "('"
                + address
                + "', job='"
                + JOB
                + "', "
                + (function.startsWith("delete") ? "" : "registry=registry, ")
                + "grouping_key="
                + groupingKey
                + ")",
            "print('ok')");
    Process p =
        new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).as("python says").isEqualTo("ok\n");
    return out;
  }

  private String scrape() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.writeText(out, List.of(), true);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void push_to_gateway_with_a_ttl_grouping_key_sets_the_ttl_and_the_group_expires()
      throws Exception {
    python("push_to_gateway", "{'__ttl__': '30s'}", 42);

    GroupSnapshot g = store.groups().getFirst();
    assertThat(g.key()).isEqualTo(GroupingKey.of("job", JOB));
    assertThat(g.expiry()).isEqualTo(GroupExpiry.of(Duration.ofSeconds(30), TtlSource.URL, T0));
    assertThat(scrape())
        .contains("job_records_processed{instance=\"\",job=\"" + JOB + "\"} 42\n")
        .doesNotContain("__ttl__");

    now.set(T0.plusSeconds(30));
    assertThat(scrape()).contains("job_records_processed{");
    now.set(T0.plusSeconds(31));
    assertThat(scrape()).doesNotContain("job_records_processed{");
    store.flush();

    assertThat(store.stats().expiredGroups()).isEqualTo(1);
    SeriesHistory h = history.query(HistoryQuery.of("job_records_processed", Map.of())).getFirst();
    assertThat(h.current()).isFalse();
    assertThat(h.samples()).extracting(SeriesHistory.Sample::value).containsExactly(42.0);
    assertThat(h.removals()).containsExactly(T0.plusSeconds(30).toEpochMilli());
  }

  @Test
  void pushes_with_and_without_the_ttl_address_the_same_group() throws Exception {
    python("push_to_gateway", "{'__ttl__': '30s', 'instance': 'a'}", 1);
    python("pushadd_to_gateway", "{'instance': 'a'}", 2);

    assertThat(store.groups()).hasSize(1);
    GroupSnapshot g = store.groups().getFirst();
    assertThat(g.key()).isEqualTo(GroupingKey.of("job", JOB, "instance", "a"));
    assertThat(g.expiry().source()).isEqualTo(TtlSource.NONE);

    python("delete_from_gateway", "{'__ttl__': 30, 'instance': 'a'}", 0);
    store.flush();
    assertThat(store.groups()).isEmpty();
  }

  @Test
  void a_number_of_seconds_works_too() throws Exception {
    python("push_to_gateway", "{'__ttl__': 90}", 7);
    assertThat(store.groups().getFirst().expiry().ttl()).contains(Duration.ofSeconds(90));
  }
}
