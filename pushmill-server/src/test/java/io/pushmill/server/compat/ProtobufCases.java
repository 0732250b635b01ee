package io.pushmill.server.compat;

import static io.pushmill.server.compat.Bodies.counter;
import static io.pushmill.server.compat.Bodies.family;
import static io.pushmill.server.compat.Bodies.gauge;
import static io.pushmill.server.compat.Bodies.histogram;
import static io.pushmill.server.compat.Bodies.labelled;
import static io.pushmill.server.compat.Bodies.nativeHistogram;
import static io.pushmill.server.compat.Bodies.protobuf;
import static io.pushmill.server.compat.Bodies.summary;
import static io.pushmill.server.compat.Bodies.untyped;
import static io.pushmill.server.compat.DiffCase.builder;

import com.google.protobuf.ByteString;
import io.prometheus.client.Metrics.Counter;
import io.prometheus.client.Metrics.LabelPair;
import io.prometheus.client.Metrics.Metric;
import io.prometheus.client.Metrics.MetricFamily;
import io.prometheus.client.Metrics.MetricType;
import java.util.Arrays;
import java.util.List;

/** Delimited-protobuf pushes: spec §2.3, §2.5 (checks on DTOs), §3.2, §3.3. */
final class ProtobufCases {
  private ProtobufCases() {}

  private static final double[] BOUNDS = {0.5, 1, 2.5};
  private static final long[] CUMULATIVE = {1, 3, 4};

  static List<DiffCase> cases() {
    return List.of(
        builder(10, "protobuf with parameters in another order: counter, gauge, histograms", "§7 row 10")
            .send(
                protobuf("PUT", "/metrics/job/{job}",
                        family("pb_counter", MetricType.COUNTER, counter(3, "a", "1")),
                        family("pb_gauge", MetricType.GAUGE, gauge(-1.5)),
                        family("pb_hist", MetricType.HISTOGRAM, histogram(5, 7.25, BOUNDS, CUMULATIVE)),
                        family("pb_native", MetricType.HISTOGRAM, nativeHistogram()))
                    .withHeader("Content-Type",
                        "application/vnd.google.protobuf; encoding=delimited; proto=io.prometheus.client.MetricFamily"))
            .build(),
        builder(118, "protobuf without encoding=delimited goes to the text parser; truncated protobuf", "§8 V18")
            .send(protobufWithType("application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily"))
            .send(protobufWithType(
                "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=Delimited"))
            .send(HttpCall.put("/metrics/job/{job}", "").withHeader("Content-Type", Bodies.PROTOBUF_TYPE)
                .withBody(Arrays.copyOf(Bodies.delimited(family("pbt", MetricType.GAUGE, gauge(1))), 7)))
            .send(HttpCall.put("/metrics/job/{job}", "").withHeader("Content-Type", Bodies.PROTOBUF_TYPE)
                .withBody(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1}))
            .build(),
        builder(158, "a later protobuf family with the same name wins", "§2.3")
            .send(protobuf("PUT", "/metrics/job/{job}",
                family("pbd", MetricType.GAUGE, gauge(1, "v", "first")),
                family("pbd", MetricType.GAUGE, gauge(2, "v", "second"))))
            .build(),
        builder(159, "a native histogram is kept; text shows +Inf, sum and count", "§3.3")
            .send(protobuf("PUT", "/metrics/job/{job}", family("pbn159", MetricType.HISTOGRAM, nativeHistogram())))
            .build(),
        builder(173, "an empty protobuf body is zero families", "§2.3")
            .send(protobuf("PUT", "/metrics/job/{job}"))
            .send(protobuf("POST", "/metrics/job/{job}/x/y"))
            .build(),
        builder(174, "a DTO value that does not match the family type", "§2.5")
            .send(protobuf("PUT", "/metrics/job/{job}", family("pbtm", MetricType.COUNTER, gauge(1))))
            .consistencyError()
            .build(),
        builder(175, "a duplicate label name in a protobuf metric", "§2.5")
            .send(protobuf("PUT", "/metrics/job/{job}", family("pbdl", MetricType.GAUGE, gauge(1, "a", "1", "a", "2"))))
            .consistencyError()
            .build(),
        builder(176, "an invalid label name in a protobuf metric", "§2.5")
            .send(protobuf("PUT", "/metrics/job/{job}", family("pbil", MetricType.GAUGE, gauge(1, "a-b", "1"))))
            .consistencyError()
            .send(protobuf("PUT", "/metrics/job/{job}", family("pbil", MetricType.GAUGE, gauge(1, "__x", "1"))))
            .consistencyError()
            .build(),
        builder(177, "a summary with an explicit quantile label", "§2.5")
            .send(protobuf("PUT", "/metrics/job/{job}",
                family("pbq", MetricType.SUMMARY, summary(1, 2, new double[] {0.5, 1}, "quantile", "0.9"))))
            .consistencyError()
            .build(),
        builder(178, "a protobuf label value that is not UTF-8", "§2.5")
            .send(protobuf("PUT", "/metrics/job/{job}", family("pbu", MetricType.GAUGE, invalidUtf8Value())))
            .consistencyError()
            .build(),
        builder(179, "a protobuf family name that is not a valid name", "§2.5, §3.4")
            .send(protobuf("PUT", "/metrics/job/{job}", family("a.b-c", MetricType.GAUGE, gauge(1))))
            .build(),
        builder(180, "an empty protobuf family name", "§2.9 pitfall 2")
            .send(protobuf("PUT", "/metrics/job/{job}", family("", MetricType.GAUGE, gauge(1))))
            .put("/metrics/job/{job}/after/1", "m180 1\n")
            .build(),
        builder(181, "a protobuf gauge histogram", "§2.8")
            .send(protobuf("PUT", "/metrics/job/{job}",
                family("pgh", MetricType.GAUGE_HISTOGRAM, histogram(5, 7.25, BOUNDS, CUMULATIVE)),
                family("pgz", MetricType.GAUGE, gauge(1))))
            .build(),
        builder(182, "a protobuf sample with a timestamp", "§2.5 check 1")
            .send(protobuf("PUT", "/metrics/job/{job}",
                family("pbts", MetricType.GAUGE, labelled().setTimestampMs(1000).setGauge(gauge(1).getGauge()).build())))
            .build(),
        builder(183, "protobuf summary and untyped with HELP; URL labels override", "§3.2, §1")
            .send(protobuf("PUT", "/metrics/job/{job}/instance/i183",
                family("pbs", MetricType.SUMMARY, summary(5, 10, new double[] {0.5, 1, 0.9, 2}, "job", "body")).toBuilder()
                    .setHelp("A summary\nwith two lines and a \\.").build(),
                family("pbu183", MetricType.UNTYPED, untyped(1e-7), untyped(123456789, "x", "y"))))
            .build(),
        builder(184, "protobuf counter with created timestamp and exemplar", "§3.2")
            .send(protobuf("PUT", "/metrics/job/{job}", family("pbc184", MetricType.COUNTER, counterWithExtras())))
            .build());
  }

  private static HttpCall protobufWithType(String contentType) {
    return HttpCall.put("/metrics/job/{job}", "")
        .withHeader("Content-Type", contentType)
        .withBody(Bodies.delimited(family("pbx", MetricType.GAUGE, gauge(1))));
  }

  private static Metric invalidUtf8Value() {
    LabelPair bad = LabelPair.newBuilder().setName("a").setValueBytes(ByteString.copyFrom(new byte[] {(byte) 0xff})).build();
    return gauge(1).toBuilder().addLabel(bad).build();
  }

  private static Metric counterWithExtras() {
    Counter c =
        Counter.newBuilder()
            .setValue(5)
            .setCreatedTimestamp(com.google.protobuf.Timestamp.newBuilder().setSeconds(1_700_000_000).setNanos(5))
            .setExemplar(io.prometheus.client.Metrics.Exemplar.newBuilder()
                .addLabel(LabelPair.newBuilder().setName("trace_id").setValue("abc"))
                .setValue(0.5))
            .build();
    return labelled().setCounter(c).build();
  }

  static MetricFamily gaugeFamily(String name, double value, String... labels) {
    return family(name, MetricType.GAUGE, gauge(value, labels));
  }
}
