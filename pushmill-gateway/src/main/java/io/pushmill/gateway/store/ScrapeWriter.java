package io.pushmill.gateway.store;

import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a scrape from families copied out of the store: for the store's part mostly a
 * concatenation of pre-rendered lines; own families and quoted (unescaped) names are rendered on
 * the spot. Also builds the same content as model objects for the other formats.
 */
final class ScrapeWriter {
  private static final int BUFFER = 64 * 1024;

  private ScrapeWriter() {}

  static void writeText(
      List<StoreState.ScrapeFamily> stored,
      List<MetricFamily> own,
      boolean escapeNames,
      OutputStream out)
      throws IOException {
    Chunks chunks = new Chunks(out);
    SeriesText text = new SeriesText();
    try {
      ScrapeMerge.forEach(stored, own, e -> writeEntry(e, escapeNames, text, chunks));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    chunks.flush();
  }

  private static void writeEntry(
      ScrapeMerge.Entry e, boolean escapeNames, SeriesText text, Chunks out) {
    Series[] series = e.stored().map(StoreState.ScrapeFamily::series).orElse(new Series[0]);
    List<Metric> ownMetrics = e.own().map(MetricFamily::metrics).orElse(List.of());
    if (series.length == 0 && ownMetrics.isEmpty()) {
      return;
    }
    String name = e.own().map(MetricFamily::name).orElseGet(() -> e.stored().get().name());
    MetricType type = e.own().map(MetricFamily::type).orElseGet(() -> e.stored().get().type());
    Optional<String> help = e.own().isPresent() ? e.own().get().help() : e.stored().get().help();
    out.write(text.header(name, help, type, escapeNames));
    boolean quote = !escapeNames;
    ScrapeMerge.interleave(
        ownMetrics,
        series,
        m -> out.write(text.series(name, type, m, escapeNames)),
        s ->
            out.write(
                quote && SeriesText.needsEscaping(name, s.metric().labels())
                    ? text.series(name, type, s.metric(), false)
                    : s.text()));
  }

  static List<MetricFamily> gather(List<StoreState.ScrapeFamily> stored, List<MetricFamily> own) {
    List<MetricFamily> out = new ArrayList<>();
    ScrapeMerge.forEach(
        stored,
        own,
        e -> {
          Series[] series = e.stored().map(StoreState.ScrapeFamily::series).orElse(new Series[0]);
          List<Metric> ownMetrics = e.own().map(MetricFamily::metrics).orElse(List.of());
          List<Metric> metrics = new ArrayList<>(series.length + ownMetrics.size());
          ScrapeMerge.interleave(ownMetrics, series, metrics::add, s -> metrics.add(s.metric()));
          if (!metrics.isEmpty()) {
            out.add(
                e.own().isPresent()
                    ? e.own().get().withMetrics(metrics)
                    : merged(e.stored().get(), metrics));
          }
        });
    return out;
  }

  private static MetricFamily merged(StoreState.ScrapeFamily f, List<Metric> metrics) {
    return new MetricFamily(f.name(), f.help(), f.type(), f.unit(), metrics);
  }

  /** Collects small writes into large ones; large arrays go straight through. */
  private static final class Chunks {
    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private int used;

    Chunks(OutputStream out) {
      this.out = out;
    }

    void write(byte[] b) {
      try {
        if (b.length > BUFFER - used) {
          flush();
        }
        if (b.length >= BUFFER) {
          out.write(b);
        } else {
          System.arraycopy(b, 0, buffer, used, b.length);
          used += b.length;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void flush() throws IOException {
      if (used > 0) {
        out.write(buffer, 0, used);
        used = 0;
      }
    }
  }
}
