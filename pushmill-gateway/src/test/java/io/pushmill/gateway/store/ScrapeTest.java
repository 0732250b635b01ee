package io.pushmill.gateway.store;

import static io.pushmill.gateway.store.Pushes.T0;
import static io.pushmill.gateway.store.Pushes.family;
import static io.pushmill.gateway.store.Pushes.gauge;
import static io.pushmill.gateway.store.Pushes.key;
import static io.pushmill.gateway.store.Pushes.put;
import static io.pushmill.gateway.store.Pushes.scrape;
import static io.pushmill.gateway.store.Pushes.untyped;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.text.TextWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The text scrape: byte-exact with upstream, ordered as client_golang orders, own families merged. */
class ScrapeTest {
  private DefaultMetricStore store;

  @BeforeEach
  void open() throws IOException {
    store =
        new DefaultMetricStore(
            StorePersistence.none(),
            OwnMetrics.none(),
            new StoreOptions(Duration.ofMinutes(5), 1000, new MutableClock(T0)));
  }

  @AfterEach
  void close() throws InterruptedException {
    store.close();
  }

  /**
   * The pushes in {@code golden/scrape-pushes} (file name = order, method, URL path with {@code +}
   * for {@code /}) give {@code golden/scrape.txt}, which is what the Debian 1.5.1 binary serves for
   * them (see {@code upstream-scrape.sh}) apart from the push times, which come from our clock.
   */
  @Test
  void a_scrape_is_byte_identical_to_upstreams() throws Exception {
    List<Path> pushes;
    try (Stream<Path> files = Files.list(resource("golden/scrape-pushes"))) {
      pushes = files.sorted().toList();
    }
    for (int i = 0; i < pushes.size(); i++) {
      assertThat(store.push(request(pushes.get(i), T0.plusSeconds(i)))).isEqualTo(PushOutcome.accepted());
    }

    assertThat(scrape(store)).isEqualTo(Files.readString(resource("golden/scrape.txt")));
  }

  private static PushRequest request(Path file, java.time.Instant time) throws IOException {
    String[] parts = file.getFileName().toString().replace(".txt", "").split("_", 3);
    String[] path = parts[2].split("\\+");
    GroupingKey k = key(path);
    String body = Files.readString(file);
    return parts[1].equals("PUT") ? put(k, body, time) : Pushes.post(k, body, time);
  }

  private static Path resource(String name) throws URISyntaxException {
    URL url = ScrapeTest.class.getClassLoader().getResource(name);
    return Path.of(url.toURI());
  }

  @Test
  void families_sort_by_bytes_and_metrics_by_label_count_then_values_whatever_the_names()
      throws Exception {
    store.push(put(key("job", "j"), "b 1\nB 1\n_c 1\nzz 1\n", T0));
    store.push(put(key("job", "u"), T0, family("äx", MetricType.UNTYPED, untyped(1))));
    store.push(put(key("job", "j", "k", "2"), "m 1\n", T0));
    store.push(put(key("job", "j", "a", "3"), "m 1\n", T0));
    store.push(put(key("job", "i"), "m{x=\"1\",y=\"1\"} 1\n", T0));

    List<String> names = store.gather(List.of()).stream().map(MetricFamily::name).toList();
    assertThat(names).containsExactly("B", "_c", "b", "m", "push_failure_time_seconds", "push_time_seconds", "zz", "äx");
    assertThat(scrape(store))
        .contains(
            "# TYPE m untyped\n"
                + "m{instance=\"\",job=\"j\",k=\"2\"} 1\n"
                + "m{a=\"3\",instance=\"\",job=\"j\"} 1\n"
                + "m{instance=\"\",job=\"i\",x=\"1\",y=\"1\"} 1\n");
  }

  @Test
  void own_families_merge_with_pushed_ones_and_their_help_and_type_win() throws Exception {
    store.push(put(key("job", "a"), "# HELP shared pushed help\n# TYPE shared gauge\nshared 1\n", T0));
    List<MetricFamily> own =
        List.of(
            MetricFamily.of("shared", Optional.of("own help"), MetricType.GAUGE, List.of(gauge(5), gauge(6, "instance", "", "job", "b"))),
            MetricFamily.of("aaa_own", Optional.of("first"), MetricType.COUNTER, List.of(Pushes.counter(2))),
            MetricFamily.of("zzz_empty", Optional.of("dropped"), MetricType.GAUGE, List.of()));

    String text = scrape(store, own, true);

    assertThat(text)
        .startsWith("# HELP aaa_own first\n# TYPE aaa_own counter\naaa_own 2\n")
        .contains(
            "# HELP shared own help\n# TYPE shared gauge\n"
                + "shared 5\n"
                + "shared{instance=\"\",job=\"a\"} 1\n"
                + "shared{instance=\"\",job=\"b\"} 6\n")
        .doesNotContain("pushed help", "zzz_empty");
    assertThat(store.gather(own).stream().map(MetricFamily::name))
        .containsExactly("aaa_own", "push_failure_time_seconds", "push_time_seconds", "shared");
  }

  @Test
  void gather_gives_the_same_content_as_the_text_scrape() throws Exception {
    store.push(put(key("job", "a"), "# HELP x h\n# TYPE x counter\nx{k=\"1\"} 1\ny 2\n", T0));
    store.push(put(key("job", "b"), "# TYPE x counter\nx 3\n", T0));
    List<MetricFamily> own = List.of(MetricFamily.of("x", Optional.of("own"), MetricType.COUNTER, List.of(Pushes.counter(9))));

    ByteArrayOutputStream viaModel = new ByteArrayOutputStream();
    TextWriter.write(viaModel, store.gather(own));

    assertThat(viaModel.toString(StandardCharsets.UTF_8)).isEqualTo(scrape(store, own, true));
  }

  @Test
  void names_that_are_not_legacy_are_escaped_by_default_and_quoted_on_request() throws Exception {
    store.push(put(key("job", "p"), T0, family("a.b-c", MetricType.GAUGE, gauge(1, "x.y", "v"))));

    assertThat(scrape(store)).contains("# TYPE a_b_c gauge\na_b_c{instance=\"\",job=\"p\",x_y=\"v\"} 1\n");
    assertThat(scrape(store, List.of(), false))
        .contains("# TYPE \"a.b-c\" gauge\n{\"a.b-c\",instance=\"\",job=\"p\",\"x.y\"=\"v\"} 1\n");
  }

  @Test
  void escaped_label_names_keep_the_order_of_the_original_names() throws Exception {
    store.push(put(key("job", "p"), T0, family("m", MetricType.GAUGE, gauge(1, "a_b", "2", "a.z", "1"))));

    assertThat(scrape(store)).contains("m{a_z=\"1\",a_b=\"2\",instance=\"\",job=\"p\"} 1\n");
  }

  @Test
  void a_series_longer_than_the_write_buffer_is_written_whole() throws Exception {
    String big = "v".repeat(100_000);
    store.push(put(key("job", "p"), "a 1\nb{big=\"" + big + "\"} 2\nc 3\n", T0));

    assertThat(scrape(store))
        .contains("a{instance=\"\",job=\"p\"} 1\n# TYPE b untyped\nb{big=\"" + big + "\",instance")
        .contains("} 2\n# TYPE c untyped\nc{instance=\"\",job=\"p\"} 3\n");
  }

  @Test
  void families_without_series_are_left_out() throws Exception {
    store.push(put(key("job", "p"), T0, family("empty", MetricType.GAUGE), family("full", MetricType.UNTYPED, untyped(1))));

    assertThat(store.groups().getFirst().families()).containsKey("empty");
    assertThat(scrape(store)).doesNotContain("empty").contains("full{instance=\"\",job=\"p\"} 1\n");
  }

  @Test
  void a_replaced_family_is_scraped_with_its_new_series_only() throws Exception {
    GroupingKey k = key("job", "p");
    store.push(put(k, "m{v=\"1\"} 1\n", T0));
    String first = scrape(store);

    store.push(put(k, "m{v=\"2\"} 2\n", T0));

    assertThat(first).contains("m{instance=\"\",job=\"p\",v=\"1\"} 1\n");
    assertThat(scrape(store)).contains("m{instance=\"\",job=\"p\",v=\"2\"} 2\n").doesNotContain("v=\"1\"");
    assertThat(store.gather(List.of()).stream().filter(f -> f.name().equals("m")).findFirst().get().metrics())
        .extracting(Metric::labels)
        .containsExactly(Labels.of("instance", "", "job", "p", "v", "2"));
  }

  @Test
  void scrapes_read_from_a_stream_writer() throws Exception {
    store.push(put(key("job", "p"), "m 1\n", T0));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.writeText(out, List.of(), true);
    try (InputStream in = new java.io.ByteArrayInputStream(out.toByteArray())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(scrape(store));
    }
  }
}
