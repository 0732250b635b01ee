package io.pushmill.server.compat;

import static io.pushmill.server.compat.Bodies.b64;
import static io.pushmill.server.compat.Bodies.family;
import static io.pushmill.server.compat.Bodies.floatHistogram;
import static io.pushmill.server.compat.Bodies.histogram;
import static io.pushmill.server.compat.Bodies.nativeHistogram;
import static io.pushmill.server.compat.Bodies.protobuf;
import static io.pushmill.server.compat.Bodies.summary;
import static io.pushmill.server.compat.DiffCase.builder;

import io.prometheus.client.Metrics.MetricType;
import java.util.List;

/**
 * What comes out: scrape negotiation and formatting, the JSON API, and compressed push bodies
 * (spec §2.3 decompression, §2.8, §2.10, §7 rows 55–59, §8 V26).
 */
final class ExpositionCases {
  private ExpositionCases() {}

  private static final String RICH =
      "# HELP r_counter A counter.\n# TYPE r_counter counter\nr_counter{a=\"1\"} 1\nr_counter{a=\"2\"} 2e+06\n"
          + "# TYPE r_gauge gauge\nr_gauge -0.0001\n"
          + "# TYPE r_summary summary\nr_summary{quantile=\"0.5\"} 1\nr_summary_sum 10\nr_summary_count 5\n"
          + "# TYPE r_hist histogram\nr_hist_bucket{le=\"1\"} 1\nr_hist_bucket{le=\"+Inf\"} 3\nr_hist_sum 4.5\nr_hist_count 3\n";

  private static final String PROTOBUF_ACCEPT =
      "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

  static List<DiffCase> cases() {
    return List.of(
        builder(55, "unchecked: a family with two HELPs, an own name with a foreign HELP", "§7 row 55")
            .on(Setup.UNCHECKED)
            .keepOwn("pushgateway_build_info")
            .ignoreHelp("m55")
            .put("/metrics/job/{job}/g/1", "# HELP m55 First help.\nm55 1\n")
            .put("/metrics/job/{job}/g/2", "# HELP m55 Second help.\nm55 2\n")
            .put("/metrics/job/{job}/g/3",
                "# HELP pushgateway_build_info Foreign.\n# TYPE pushgateway_build_info gauge\npushgateway_build_info 1\n")
            .build(),
        builder(58, "the metrics API of an empty store", "§7 row 58").get("/api/v1/metrics").build(),
        builder(59, "the metrics API: summary without observations and a histogram, odd job and instance", "§7 row 59")
            .send(protobuf("PUT", "/metrics/job@base64/" + b64("Björn") + "/instance@base64/" + b64("inst'a\"n\\ce1"),
                family("api_summary", MetricType.SUMMARY, summary(0, 0, new double[0])).toBuilder()
                    .setHelp("A summary.").build(),
                family("api_hist", MetricType.HISTOGRAM,
                    histogram(3, 4.5, new double[] {1, 2}, new long[] {1, 2}))))
            .build(),
        builder(126, "scrape negotiation: OpenMetrics and protobuf Accept", "§8 V26, §2.8")
            .put("/metrics/job/{job}", RICH)
            .send(scrape().withHeader("Accept", "application/openmetrics-text; version=1.0.0"), Compare.SCRAPE_WITH_HEADERS)
            .send(scrape().withHeader("Accept", PROTOBUF_ACCEPT), Compare.SCRAPE_PROTOBUF)
            .send(scrape().withHeader("Accept", "text/plain;version=1.0.0"), Compare.SCRAPE_WITH_HEADERS)
            .send(scrape().withHeader("Accept", "*/*"), Compare.SCRAPE_WITH_HEADERS)
            .build(),
        builder(200, "a scrape with Accept-Encoding gzip is gzipped", "§2.8 compression")
            .put("/metrics/job/{job}", RICH)
            .send(scrape().withHeader("Accept-Encoding", "gzip"), Compare.SCRAPE_WITH_HEADERS)
            .send(scrape().withHeader("Accept-Encoding", "gzip").withHeader("Accept", PROTOBUF_ACCEPT),
                Compare.SCRAPE_PROTOBUF)
            .build(),
        builder(201, "Go float formatting in the scrape", "§2.8 text writer, §10.1")
            .put("/metrics/job/{job}",
                "f{v=\"a\"} 1e6\nf{v=\"b\"} 0.0001\nf{v=\"c\"} 0.00001\nf{v=\"d\"} 250000\nf{v=\"e\"} -0\n"
                    + "f{v=\"f\"} 1e300\nf{v=\"g\"} 123456789\nf{v=\"h\"} 0.1\nf{v=\"i\"} 1.7976931348623157e308\n"
                    + "f{v=\"j\"} 5e-324\nf{v=\"k\"} -Inf\nf{v=\"l\"} 100000\nf{v=\"m\"} 0.30000000000000004\n")
            .build(),
        builder(202, "label value and HELP escapes in the scrape", "§2.8 text writer")
            .put("/metrics/job/{job}/path@base64/" + b64("a\\b\"c\nd"),
                "# HELP esc Help with \\\\ and \\n.\nesc{v=\"x\\\\y\\\"z\\nw\"} 1\n")
            .build(),
        builder(203, "series order: by label values, across groups", "§2.8")
            .put("/metrics/job/{job}/g/b", "ord{z=\"1\"} 1\nord 2\n")
            .put("/metrics/job/{job}/g/a", "ord{z=\"0\"} 3\nord{y=\"9\",z=\"0\"} 4\n")
            .put("/metrics/job/{job}/g/10", "ord 5\n")
            .put("/metrics/job/{job}/g/9", "ord 6\n")
            .build(),
        builder(204, "JSON API escapes <, > and & like Go and keeps UTF-8", "§2.10 Java note")
            .put("/metrics/job/{job}/l/" + "%3Ca%26b%3E", "# HELP m204 Help <b> & more.\nm204{x=\"ü\"} 1\n")
            .send(HttpCall.get("/api/v1/metrics"), Compare.API_RAW)
            .build(),
        builder(205, "the API with summaries and histograms", "§2.10")
            .put("/metrics/job/{job}", RICH)
            .build(),
        builder(206, "the API with a float classic histogram", "§2.10, 1.10 change")
            .send(protobuf("PUT", "/metrics/job/{job}", family("api_fh", MetricType.HISTOGRAM,
                floatHistogram(3.5, 4.5, new double[] {1, 2}, new double[] {1.5, 2.5}))))
            .build(),
        builder(207, "the API with a native histogram", "§2.10, 1.8 change")
            .send(protobuf("PUT", "/metrics/job/{job}", family("api_nh", MetricType.HISTOGRAM, nativeHistogram())))
            .build(),
        builder(210, "a gzip push body", "§2.3 decompression")
            .send(HttpCall.put("/metrics/job/{job}", "").withHeader("Content-Encoding", "gzip")
                .withBody(Bodies.gzip("gz 1\n")))
            .send(HttpCall.put("/metrics/job/{job}/pb/1", "").withHeader("Content-Encoding", "gzip")
                .withHeader("Content-Type", Bodies.PROTOBUF_TYPE)
                .withBody(Bodies.gzip(Bodies.delimited(ProtobufCases.gaugeFamily("gzpb", 2)))))
            .build(),
        builder(211, "a gzip header that is not gzip; a truncated gzip body", "§2.3 decompression")
            .send(HttpCall.put("/metrics/job/{job}", "gz 1\n").withHeader("Content-Encoding", "gzip"))
            .send(HttpCall.put("/metrics/job/{job}", "").withHeader("Content-Encoding", "gzip")
                .withBody(java.util.Arrays.copyOf(Bodies.gzip("gz 1\n"), 15)))
            .build(),
        builder(212, "Content-Encoding GZIP in upper case", "§2.3 decompression")
            .send(HttpCall.put("/metrics/job/{job}", "").withHeader("Content-Encoding", "GZIP")
                .withBody(Bodies.gzip("gzu 1\n")))
            .build(),
        builder(213, "a snappy push body", "§2.3 decompression, 1.6 change")
            .send(HttpCall.put("/metrics/job/{job}", "").withHeader("Content-Encoding", "snappy")
                .withBody(Bodies.snappyFramed("sn 1\n")))
            .build(),
        builder(214, "unknown Content-Encodings are ignored", "§2.3 decompression")
            .send(HttpCall.put("/metrics/job/{job}", "br 1\n").withHeader("Content-Encoding", "br"))
            .send(HttpCall.put("/metrics/job/{job}/i/2", "id 1\n").withHeader("Content-Encoding", "identity"))
            .build());
  }

  private static HttpCall scrape() {
    return HttpCall.get("/metrics");
  }
}
