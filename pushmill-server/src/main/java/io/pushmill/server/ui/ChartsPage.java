package io.pushmill.server.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.metrics.Labels;
import io.pushmill.runner.model.Json;
import io.pushmill.server.ui.ChartSource.Point;
import io.pushmill.server.ui.ChartSource.Series;
import io.pushmill.server.ui.view.ChartsView;
import io.pushmill.server.ui.view.ChartsView.SeriesRow;
import io.pushmill.server.ui.view.Format;
import io.pushmill.server.ui.view.LabelPair;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Charts of the pushed series, drawn in the browser with uPlot from {@code GET /charts/data}: the
 * "raw" panel (the value at each push) and the tutorial's "instant" panel (the value while it is
 * fresh, nothing once it has gone stale), as the tutorial's Grafana dashboard shows them, without
 * Prometheus or Grafana. The page opens on {@code job_records_processed} when it is there.
 */
final class ChartsPage {
  static final String TUTORIAL_METRIC = "job_records_processed";
  static final int MAX_SERIES = 20;
  static final Map<String, Duration> RANGES = ranges();

  private final Supplier<Optional<GatewayView>> gateway;
  private final Templates templates;

  ChartsPage(Supplier<Optional<GatewayView>> gateway, Templates templates) {
    this.gateway = gateway;
    this.templates = templates;
  }

  void register(UiRouter router) {
    router.get("/charts", this::page).get("/charts/data", this::data);
  }

  private static Map<String, Duration> ranges() {
    Map<String, Duration> m = new LinkedHashMap<>();
    m.put("5m", Duration.ofMinutes(5));
    m.put("15m", Duration.ofMinutes(15));
    m.put("1h", Duration.ofHours(1));
    m.put("6h", Duration.ofHours(6));
    m.put("24h", Duration.ofHours(24));
    return m;
  }

  private GatewayView gateway() {
    return gateway.get().orElseThrow(() -> UiException.notFound(
        "This process runs no gateway (or it is still starting)."));
  }

  private UiResponse page(UiRequest r) {
    GatewayView g = gateway();
    List<GroupSnapshot> groups = g.groups();
    SortedSet<String> names = new TreeSet<>();
    groups.forEach(s -> names.addAll(s.families().keySet()));
    Optional<String> name = r.param("name")
        .or(() -> names.contains(TUTORIAL_METRIC) ? Optional.of(TUTORIAL_METRIC)
            : names.stream().filter(n -> !n.startsWith("push_")).findFirst());
    List<String> jobs = name.map(n -> groups.stream().filter(s -> s.families().containsKey(n))
        .map(s -> s.key().job()).distinct().sorted().toList()).orElse(List.of());
    String range = range(r);
    Labels labels = labels(r);
    List<Series> series = name.map(n -> g.charts().series(n, labels,
        r.now().minus(RANGES.get(range)))).orElse(List.of());
    String query = name.map(n -> query(n, labels, range)).orElse("");
    ChartsView view = new ChartsView(r.page("Charts", "charts"), List.copyOf(names), name, jobs,
        r.param("job", ""), List.copyOf(RANGES.keySet()), range, "/charts/data?" + query,
        g.charts().keepsHistory(),
        series.stream().limit(MAX_SERIES).map(s -> row(s, r.now())).toList(),
        Math.max(0, series.size() - MAX_SERIES));
    return UiResponse.html(templates.render("charts.jte", view));
  }

  /** The points of at most {@link #MAX_SERIES} series as JSON; non-finite values are gaps. */
  private UiResponse data(UiRequest r) {
    String name = r.param("name").orElseThrow(() -> UiException.badRequest(
        "Say which metric to draw: name=<metric name>."));
    String range = range(r);
    Instant from = r.now().minus(RANGES.get(range));
    List<Series> series = gateway().charts().series(name, labels(r), from);
    ObjectNode o = Json.object();
    o.put("name", name).put("history", gateway().charts().keepsHistory())
        .put("from", from.toEpochMilli()).put("to", r.now().toEpochMilli())
        .put("truncated", series.size() > MAX_SERIES);
    ArrayNode list = o.putArray("series");
    for (Series s : series.stream().limit(MAX_SERIES).toList()) {
      ObjectNode so = list.addObject();
      so.put("name", s.name()).put("label", s.name() + Format.labels(s.labels()))
          .put("fresh", s.fresh());
      points(so.putArray("samples"), s.samples());
      points(so.putArray("instant"), s.instant());
    }
    return UiResponse.json(Json.write(o));
  }

  private static void points(ArrayNode out, List<Point> points) {
    for (Point p : points) {
      ArrayNode pair = out.addArray().add(p.timeMillis());
      if (p.value().isPresent() && Double.isFinite(p.value().getAsDouble())) {
        pair.add(p.value().getAsDouble());
      } else {
        pair.addNull();
      }
    }
  }

  private static SeriesRow row(Series s, Instant now) {
    Optional<Point> last = s.samples().isEmpty() ? Optional.empty()
        : Optional.of(s.samples().getLast());
    return new SeriesRow(s.name(), LabelPair.of(s.labels()),
        last.map(p -> Format.number(p.value().orElse(Double.NaN))),
        last.map(p -> Format.age(Instant.ofEpochMilli(p.timeMillis()), now)),
        s.fresh() ? last.map(p -> Format.number(p.value().orElse(Double.NaN)))
            : Optional.empty());
  }

  private static String range(UiRequest r) {
    String range = r.param("range", "15m");
    if (!RANGES.containsKey(range)) {
      throw UiException.badRequest("range must be one of " + RANGES.keySet() + ", got '"
          + range + "'");
    }
    return range;
  }

  /** The {@code l.*} labels, and {@code job} from the picker. */
  private static Labels labels(UiRequest r) {
    Map<String, String> m = new LinkedHashMap<>(r.labels().asMap());
    r.param("job").ifPresent(j -> m.put("job", j));
    return Labels.of(m);
  }

  private static String query(String name, Labels labels, String range) {
    List<String> parts = new ArrayList<>();
    parts.add("name=" + encode(name));
    parts.add(GroupRows.query(labels));
    parts.add("range=" + range);
    return String.join("&", parts.stream().filter(p -> !p.isEmpty()).toList());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
