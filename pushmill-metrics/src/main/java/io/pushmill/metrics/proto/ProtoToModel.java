package io.pushmill.metrics.proto;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.prometheus.client.Metrics;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import io.pushmill.metrics.MetricValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Converts generated {@code metrics.proto} messages into the model, keeping what it can hold. */
final class ProtoToModel {
  /** The value fields of a {@code Metric}, in the order used when none matches the family type. */
  private enum Field {
    GAUGE,
    COUNTER,
    SUMMARY,
    UNTYPED,
    HISTOGRAM,
    NONE
  }

  private ProtoToModel() {}

  static MetricFamily family(Metrics.MetricFamily pb) throws ProtobufParseException {
    String name = utf8(pb.getName(), pb::getNameBytes, "metric family name");
    try {
      Optional<String> help =
          pb.hasHelp()
              ? Optional.of(utf8(pb.getHelp(), pb::getHelpBytes, "HELP"))
              : Optional.empty();
      String unit = utf8(pb.getUnit(), pb::getUnitBytes, "unit");
      MetricType type = type(pb.getType());
      List<Metric> metrics = new ArrayList<>(pb.getMetricCount());
      for (Metrics.Metric m : pb.getMetricList()) {
        metrics.add(metric(m, type));
      }
      return new MetricFamily(name, help, type, unit, metrics);
    } catch (ProtobufParseException e) {
      throw new ProtobufParseException("metric family \"" + name + "\": " + e.getMessage(), e);
    }
  }

  private static MetricType type(Metrics.MetricType t) {
    return switch (t) {
      case COUNTER -> MetricType.COUNTER;
      case GAUGE -> MetricType.GAUGE;
      case SUMMARY -> MetricType.SUMMARY;
      case UNTYPED -> MetricType.UNTYPED;
      case HISTOGRAM -> MetricType.HISTOGRAM;
      case GAUGE_HISTOGRAM -> MetricType.GAUGE_HISTOGRAM;
    };
  }

  private static Metric metric(Metrics.Metric m, MetricType type) throws ProtobufParseException {
    OptionalLong timestamp =
        m.hasTimestampMs() ? OptionalLong.of(m.getTimestampMs()) : OptionalLong.empty();
    return new Metric(labels(m.getLabelList()), value(m, type), timestamp);
  }

  /**
   * Label names and values that are not UTF-8 are kept (as lone surrogates) rather than refused
   * here: upstream refuses them in its consistency check, which also records the failed push.
   */
  static Labels labels(List<Metrics.LabelPair> pairs) {
    List<String> names = new ArrayList<>(pairs.size());
    List<String> values = new ArrayList<>(pairs.size());
    for (Metrics.LabelPair p : pairs) {
      names.add(SurrogateEscape.decode(p.getNameBytes()));
      values.add(SurrogateEscape.decode(p.getValueBytes()));
    }
    return Labels.of(names, values);
  }

  private static MetricValue value(Metrics.Metric m, MetricType type)
      throws ProtobufParseException {
    Field field = fieldOf(type);
    if (!isPresent(field, m)) {
      field = Field.NONE;
      for (Field f : Field.values()) {
        if (isPresent(f, m)) {
          field = f;
          break;
        }
      }
    }
    return switch (field) {
      case GAUGE -> new MetricValue.Gauge(m.getGauge().getValue());
      case COUNTER -> counter(m.getCounter());
      case SUMMARY -> summary(m.getSummary());
      case UNTYPED -> new MetricValue.Untyped(m.getUntyped().getValue());
      case HISTOGRAM -> ProtoHistograms.fromProto(m.getHistogram());
      case NONE -> new MetricValue.Missing();
    };
  }

  private static Field fieldOf(MetricType type) {
    return switch (type) {
      case GAUGE -> Field.GAUGE;
      case COUNTER -> Field.COUNTER;
      case SUMMARY -> Field.SUMMARY;
      case UNTYPED -> Field.UNTYPED;
      case HISTOGRAM, GAUGE_HISTOGRAM -> Field.HISTOGRAM;
    };
  }

  private static boolean isPresent(Field field, Metrics.Metric m) {
    return switch (field) {
      case GAUGE -> m.hasGauge();
      case COUNTER -> m.hasCounter();
      case SUMMARY -> m.hasSummary();
      case UNTYPED -> m.hasUntyped();
      case HISTOGRAM -> m.hasHistogram();
      case NONE -> false;
    };
  }

  private static MetricValue.Counter counter(Metrics.Counter c) throws ProtobufParseException {
    Optional<MetricValue.Exemplar> exemplar =
        c.hasExemplar() ? Optional.of(exemplar(c.getExemplar())) : Optional.empty();
    return new MetricValue.Counter(
        c.getValue(), exemplar, optionalInstant(c.hasCreatedTimestamp(), c.getCreatedTimestamp()));
  }

  private static MetricValue.Summary summary(Metrics.Summary s) throws ProtobufParseException {
    List<MetricValue.Quantile> quantiles = new ArrayList<>(s.getQuantileCount());
    for (Metrics.Quantile q : s.getQuantileList()) {
      quantiles.add(new MetricValue.Quantile(q.getQuantile(), q.getValue()));
    }
    return new MetricValue.Summary(
        s.getSampleCount(),
        s.getSampleSum(),
        quantiles,
        optionalInstant(s.hasCreatedTimestamp(), s.getCreatedTimestamp()));
  }

  static MetricValue.Exemplar exemplar(Metrics.Exemplar e) throws ProtobufParseException {
    return new MetricValue.Exemplar(
        labels(e.getLabelList()),
        e.getValue(),
        optionalInstant(e.hasTimestamp(), e.getTimestamp()));
  }

  static Optional<Instant> optionalInstant(boolean present, Timestamp ts)
      throws ProtobufParseException {
    if (!present) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos()));
    } catch (DateTimeException | ArithmeticException e) {
      throw new ProtobufParseException(
          "timestamp out of range: seconds=" + ts.getSeconds() + ", nanos=" + ts.getNanos(), e);
    }
  }

  /** Supplies the raw bytes of a string field, read only when the decoded text looks damaged. */
  private interface RawBytes {
    ByteString get();
  }

  /**
   * Proto2 does not validate strings, and protobuf-java decodes bad UTF-8 to U+FFFD; the model
   * cannot hold the original bytes, so refuse them instead of silently changing a label.
   */
  private static String utf8(String decoded, RawBytes raw, String what)
      throws ProtobufParseException {
    if (decoded.indexOf('\uFFFD') >= 0 && !raw.get().isValidUtf8()) {
      throw new ProtobufParseException(what + " is not valid UTF-8: \"" + decoded + "\"");
    }
    return decoded;
  }
}
