package io.pushmill.metrics.text;

import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The families of one parse by name, in order of first appearance, and the summary and histogram
 * metrics by label set (expfmt's {@code metricFamiliesByName}, {@code summaries}, {@code
 * histograms}). It resolves a sample name to its family as {@code setOrCreateCurrentMF} does: the
 * name itself, else the summary it is {@code _count}/{@code _sum} of, else the histogram it is
 * {@code _count}/{@code _sum}/{@code _bucket} of, else a new family.
 */
final class FamilyTable {
  /** What a sample name is to the family it resolved to. */
  enum Role {
    SAMPLE,
    SUMMARY_COUNT,
    SUMMARY_SUM,
    HISTOGRAM_COUNT,
    HISTOGRAM_SUM
  }

  private final Map<String, Family> families = new LinkedHashMap<>();
  private final Map<String, MetricBuilder> summaries = new HashMap<>();
  private final Map<String, MetricBuilder> histograms = new HashMap<>();
  private Role role = Role.SAMPLE;

  /** A family while parsing; {@code help} and {@code type} are null until their lines come. */
  static final class Family {
    final String name;
    String help;
    MetricType type;
    final List<MetricBuilder> metrics = new ArrayList<>();

    Family(String name) {
      this.name = name;
    }
  }

  /** The type as expfmt's nil-safe getter reads it: no family, or one without TYPE, is COUNTER. */
  static MetricType typeOf(Family f) {
    return f == null || f.type == null ? MetricType.COUNTER : f.type;
  }

  /**
   * The family of the (already validated) name in {@code t[off, off+len)}, created when none fits;
   * {@link #role()} then tells whether the name was a summary's or histogram's count or sum.
   */
  Family resolve(byte[] t, int off, int len, StringCache strings) {
    role = Role.SAMPLE;
    String name = strings.get(t, off, len);
    Family f = families.get(name);
    if (f != null) {
      return f;
    }
    boolean count = endsWith(t, off, len, "_count");
    boolean sum = endsWith(t, off, len, "_sum");
    if (count || sum) {
      f = families.get(strings.get(t, off, len - (count ? 6 : 4)));
      if (f != null && typeOf(f) == MetricType.SUMMARY) {
        role = count ? Role.SUMMARY_COUNT : Role.SUMMARY_SUM;
        return f;
      }
    }
    if (count || sum || endsWith(t, off, len, "_bucket")) {
      f = families.get(strings.get(t, off, len - (count ? 6 : sum ? 4 : 7)));
      if (f != null && typeOf(f).isHistogram()) {
        role = count ? Role.HISTOGRAM_COUNT : sum ? Role.HISTOGRAM_SUM : Role.SAMPLE;
        return f;
      }
    }
    f = new Family(name);
    families.put(name, f);
    return f;
  }

  /** How the name given to the last {@link #resolve} relates to its family. */
  Role role() {
    return role;
  }

  /**
   * The summary or histogram metric of {@code family} with these labels ({@code key} from {@link
   * SignatureLabels}), or {@code candidate}, added to the family, when there is none yet. As in
   * expfmt the label sets of all summaries share one table (histograms another), keyed with the
   * family name as {@code __name__}.
   */
  MetricBuilder merge(Family family, String key, MetricBuilder candidate) {
    Map<String, MetricBuilder> byLabels =
        typeOf(family) == MetricType.SUMMARY ? summaries : histograms;
    MetricBuilder existing = byLabels.putIfAbsent(key, candidate);
    if (existing != null) {
      return existing;
    }
    family.metrics.add(candidate);
    return candidate;
  }

  /** The families with samples, unmodifiable, in order of first appearance. */
  Map<String, MetricFamily> result() {
    Map<String, MetricFamily> out = new LinkedHashMap<>();
    for (Family f : families.values()) {
      if (f.metrics.isEmpty()) {
        continue;
      }
      MetricType type = typeOf(f);
      List<Metric> metrics = new ArrayList<>(f.metrics.size());
      for (MetricBuilder m : f.metrics) {
        metrics.add(m.build(type));
      }
      out.put(f.name, MetricFamily.of(f.name, Optional.ofNullable(f.help), type, metrics));
    }
    return Collections.unmodifiableMap(out);
  }

  // expfmt's isCount/isSum/isBucket: the suffix and at least one byte before it.
  private static boolean endsWith(byte[] t, int off, int len, String suffix) {
    int n = suffix.length();
    if (len <= n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (t[off + len - n + i] != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
