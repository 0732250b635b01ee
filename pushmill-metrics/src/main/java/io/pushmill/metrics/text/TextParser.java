package io.pushmill.metrics.text;

import io.pushmill.metrics.Metric;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the Prometheus text format 0.0.4 exactly as {@code expfmt.TextParser} (prometheus/common
 * v0.69) does, including its error texts and line numbers.
 *
 * <p>The parser is expfmt's state machine, state for state, on bytes: one pass, tokens as ranges
 * of the input, repeated names and values shared. Like expfmt it keeps the current family and metric
 * across lines, which gives odd but faithful results for lines that start with a brace (see {@link
 * MetricBuilder}). Where expfmt would panic (a line starting with a brace right after a comment, or
 * a metric name inside braces whose summary labels go into a map it never made), this parser reports
 * {@code invalid metric name} or treats the map as empty.
 */
public final class TextParser {
  private static final int LABEL_NAME = 0;
  private static final int LABEL_VALUE = 1;
  private static final int VALUE = 2;

  private final TextCursor in;
  private final boolean utf8Names;
  private final StringCache strings = new StringCache();
  private final Map<String, FamilyBuilder> families = new LinkedHashMap<>();
  private final Map<String, MetricBuilder> summaries = new HashMap<>();
  private final Map<String, MetricBuilder> histograms = new HashMap<>();
  private final SignatureLabels currentLabels = new SignatureLabels();
  private FamilyBuilder currentMF;
  private MetricBuilder currentMetric;
  private String[] pending = new String[16]; // label pairs of the current line, name then value
  private int pendingLen;
  private int currentPair; // index of the current label's name in pending, or -1
  private String currentLabelName = "";
  private double currentQuantile = Double.NaN;
  private double currentBucket = Double.NaN;
  private boolean isSummaryCount;
  private boolean isSummarySum;
  private boolean isHistogramCount;
  private boolean isHistogramSum;
  private boolean nameInsideBraces;
  private boolean nameInsideBracesPresent;

  private TextParser(byte[] body, int off, int len, boolean utf8Names) {
    this.in = new TextCursor(body, off, len);
    this.utf8Names = utf8Names;
  }

  /**
   * Parses a whole push body into families by name, in the order they first appear.
   *
   * @param utf8Names accept quoted UTF-8 metric and label names ({@code --push.enable-utf8-names});
   *     when false, names must be legacy-valid.
   * @return an unmodifiable map in first-appearance order, without families that have no samples
   * @throws TextParseException with upstream's message when the body is not valid text format
   */
  public static Map<String, MetricFamily> parse(InputStream in, boolean utf8Names)
      throws IOException, TextParseException {
    return parse(in.readAllBytes(), utf8Names);
  }

  /** As {@link #parse(InputStream, boolean)}, for a body already in memory. */
  public static Map<String, MetricFamily> parse(byte[] body, boolean utf8Names)
      throws TextParseException {
    TextParser p = new TextParser(body, 0, body.length, utf8Names);
    while (p.startOfLine()) {
      // Each call parses one line.
    }
    return p.result();
  }

  private boolean startOfLine() throws TextParseException {
    in.line++;
    nameInsideBraces = false;
    nameInsideBracesPresent = false;
    if (!in.skipBlankTabAtLineStart()) {
      return false;
    }
    switch (in.cur) {
      case '#' -> startComment();
      case '\n' -> {
        // An empty line.
      }
      case '{' -> {
        nameInsideBraces = true;
        readingLabels();
      }
      default -> readingMetricName();
    }
    return true;
  }

  private void startComment() throws TextParseException {
    in.skipBlankTab();
    if (in.cur == '\n') {
      return;
    }
    in.readTokenUntilWhitespace();
    if (in.cur == '\n') {
      return;
    }
    boolean help = in.tokenEquals("HELP");
    if (!help && !in.tokenEquals("TYPE")) {
      while (in.cur != '\n') {
        in.read();
      }
      return;
    }
    in.skipBlankTab();
    in.readName(true);
    if (in.cur == '\n') {
      return; // "# HELP name" without text is no error.
    }
    if (!TextCursor.isBlankOrTab(in.cur)) {
      throw in.error("invalid metric name in comment");
    }
    setOrCreateCurrentMF();
    in.skipBlankTab();
    if (in.cur == '\n') {
      return;
    }
    if (help) {
      readingHelp();
    } else {
      readingType();
    }
  }

  private void readingHelp() throws TextParseException {
    if (currentMF.help != null) {
      throw in.error("second HELP line for metric name " + GoQuote.quote(currentMF.name));
    }
    in.readTokenUntilNewline(true);
    currentMF.help = new String(in.tok, in.tokOff, in.tokLen, StandardCharsets.UTF_8);
  }

  private void readingType() throws TextParseException {
    if (currentMF.type != null) {
      throw in.error(
          "second TYPE line for metric name "
              + GoQuote.quote(currentMF.name)
              + ", or TYPE reported after samples");
    }
    in.readTokenUntilNewline(false);
    currentMF.type =
        TypeNames.parse(in.tok, in.tokOff, in.tokLen)
            .orElseThrow(() -> in.error("unknown metric type " + in.quotedToken()));
  }

  private void readingMetricName() throws TextParseException {
    in.readName(true);
    if (in.tokLen == 0) {
      throw in.error("invalid metric name");
    }
    setOrCreateCurrentMF();
    if (currentMF.type == null) {
      currentMF.type = MetricType.UNTYPED;
    }
    currentMetric = new MetricBuilder();
    in.skipBlankTabIfCurrentBlankTab();
    readingLabels();
  }

  private void readingLabels() throws TextParseException {
    MetricType type = typeOf(currentMF);
    if (type == MetricType.SUMMARY || type.isHistogram()) {
      currentLabels.reset(currentMF.name);
      currentQuantile = Double.NaN;
      currentBucket = Double.NaN;
    }
    if (in.cur == '{') {
      int state = LABEL_NAME;
      while (state != VALUE) {
        state = state == LABEL_NAME ? startLabelName() : startLabelValue();
      }
    }
    readingValue();
  }

  private int startLabelName() throws TextParseException {
    in.skipBlankTab();
    if (in.cur == '}') {
      closeLabels();
      return VALUE;
    }
    in.readName(false);
    if (in.tokLen == 0) {
      throw in.error("invalid label name for metric " + GoQuote.quote(familyName()));
    }
    in.skipBlankTabIfCurrentBlankTab();
    if (in.cur != '=') {
      return metricNameInsideBraces();
    }
    if (in.tokenEquals("__name__")) {
      throw in.error("label name \"__name__\" is reserved");
    }
    if (!isValidLabelName(in.tok, in.tokOff, in.tokLen)) {
      throw in.error("invalid label name " + in.quotedToken());
    }
    String name = strings.get(in.tok, in.tokOff, in.tokLen);
    currentLabelName = name;
    currentPair = -1;
    MetricType type = typeOf(currentMF);
    boolean special =
        (type == MetricType.SUMMARY && name.equals("quantile"))
            || (type.isHistogram() && name.equals("le"));
    if (!special) {
      for (int i = 0; i < pendingLen; i += 2) {
        if (pending[i].equals(name)) {
          throw in.error("duplicate label names for metric " + GoQuote.quote(familyName()));
        }
      }
      if (pendingLen + 2 > pending.length) {
        pending = Arrays.copyOf(pending, pending.length * 2);
      }
      currentPair = pendingLen;
      pending[pendingLen++] = name;
      pending[pendingLen++] = "";
    }
    return LABEL_VALUE;
  }

  // A label name not followed by '=': inside braces it may be the metric name ({"a.b",x="y"}).
  private int metricNameInsideBraces() throws TextParseException {
    if (!nameInsideBraces) {
      throw in.error("expected '=' after label name, found " + GoQuote.quoteByte(in.cur));
    }
    if (nameInsideBracesPresent) {
      throw in.error("multiple metric names for metric " + GoQuote.quote(familyName()));
    }
    if (in.cur != ',' && in.cur != '}') {
      throw in.error("unexpected end of metric name " + GoQuote.quoteByte(in.cur));
    }
    setOrCreateCurrentMF();
    if (currentMF.type == null) {
      currentMF.type = MetricType.UNTYPED;
    }
    currentMetric = new MetricBuilder();
    if (in.cur == ',') {
      nameInsideBracesPresent = true;
      return LABEL_NAME;
    }
    closeLabels();
    return VALUE;
  }

  private int startLabelValue() throws TextParseException {
    in.skipBlankTab();
    if (in.cur != '"') {
      throw in.error(
          "expected '\"' at start of label value, found " + GoQuote.quoteByte(in.cur));
    }
    in.readLabelValue();
    if (!Utf8.isValid(in.tok, in.tokOff, in.tokLen)) {
      throw in.error("invalid label value " + in.quotedToken());
    }
    String value = strings.get(in.tok, in.tokOff, in.tokLen);
    if (currentPair >= 0) {
      pending[currentPair + 1] = value;
    }
    MetricType type = typeOf(currentMF);
    if (type == MetricType.SUMMARY) {
      if (currentLabelName.equals("quantile")) {
        currentQuantile = floatLabel(value, "quantile");
      } else {
        currentLabels.put(currentLabelName, value);
      }
    }
    if (type.isHistogram()) {
      if (currentLabelName.equals("le")) {
        currentBucket = floatLabel(value, "le");
      } else {
        currentLabels.put(currentLabelName, value);
      }
    }
    in.skipBlankTab();
    if (in.cur == ',') {
      return LABEL_NAME;
    }
    if (in.cur == '}') {
      closeLabels();
      return VALUE;
    }
    throw in.error("unexpected end of label value " + GoQuote.quote(value));
  }

  private double floatLabel(String value, String label) throws TextParseException {
    try {
      return GoNumbers.parseFloat(in.tok, in.tokOff, in.tokLen);
    } catch (NumberFormatException e) {
      throw in.error(
          "expected float as value for '" + label + "' label, got " + GoQuote.quote(value));
    }
  }

  private void closeLabels() throws TextParseException {
    if (currentMF == null || currentMetric == null) {
      throw in.error("invalid metric name");
    }
    currentMetric.addLabels(pending, pendingLen);
    pendingLen = 0;
    in.skipBlankTab();
  }

  private void readingValue() throws TextParseException {
    MetricType type = typeOf(currentMF);
    if (type == MetricType.SUMMARY) {
      currentMetric = mergeInto(summaries);
    } else if (type.isHistogram()) {
      currentMetric = mergeInto(histograms);
    } else {
      currentMF.metrics.add(currentMetric);
    }
    in.readTokenUntilWhitespace();
    double value;
    try {
      value = GoNumbers.parseFloat(in.tok, in.tokOff, in.tokLen);
    } catch (NumberFormatException e) {
      throw in.error("expected float as value, got " + in.quotedToken());
    }
    switch (type) {
      case COUNTER -> currentMetric.setCounter(value);
      case GAUGE -> currentMetric.setGauge(value);
      case UNTYPED -> currentMetric.setUntyped(value);
      case SUMMARY -> summaryValue(value);
      case HISTOGRAM, GAUGE_HISTOGRAM -> histogramValue(value);
    }
    if (in.cur != '\n') {
      startTimestamp();
    }
  }

  // The metric with the same non-quantile, non-le labels, or the current one as a new metric.
  private MetricBuilder mergeInto(Map<String, MetricBuilder> byLabels) {
    MetricBuilder existing = byLabels.putIfAbsent(currentLabels.key(), currentMetric);
    if (existing != null) {
      return existing;
    }
    currentMF.metrics.add(currentMetric);
    return currentMetric;
  }

  private void summaryValue(double value) {
    MetricBuilder.SummaryBuilder s = currentMetric.summary();
    if (isSummaryCount) {
      s.count(value);
    } else if (isSummarySum) {
      s.sum(value);
    } else if (!Double.isNaN(currentQuantile)) {
      s.quantile(currentQuantile, value);
    }
  }

  private void histogramValue(double value) throws TextParseException {
    HistogramBuilder h = currentMetric.histogram();
    if (isHistogramCount) {
      if (!h.count(value)) {
        throw in.error("negative count for histogram " + GoQuote.quote(currentMF.name));
      }
    } else if (isHistogramSum) {
      h.sum(value);
    } else if (!Double.isNaN(currentBucket) && !h.bucket(currentBucket, value)) {
      throw in.error("negative bucket population for histogram " + GoQuote.quote(currentMF.name));
    }
  }

  private void startTimestamp() throws TextParseException {
    in.skipBlankTab();
    in.readTokenUntilWhitespace();
    try {
      currentMetric.setTimestamp(GoNumbers.parseInt(in.tok, in.tokOff, in.tokLen));
    } catch (NumberFormatException e) {
      throw in.error("expected integer as timestamp, got " + in.quotedToken());
    }
    in.readTokenUntilNewline(false);
    if (in.tokLen > 0) {
      throw in.error("spurious string after timestamp: " + in.quotedToken());
    }
  }

  // Finds the family of the name token: itself, or the summary/histogram it is _sum/_count/_bucket of.
  private void setOrCreateCurrentMF() throws TextParseException {
    isSummaryCount = false;
    isSummarySum = false;
    isHistogramCount = false;
    isHistogramSum = false;
    byte[] t = in.tok;
    int off = in.tokOff;
    int len = in.tokLen;
    if (!isValidMetricName(t, off, len)) {
      throw in.error("invalid metric name " + in.quotedToken());
    }
    String name = strings.get(t, off, len);
    currentMF = families.get(name);
    if (currentMF != null) {
      return;
    }
    boolean count = endsWith(t, off, len, "_count");
    boolean sum = endsWith(t, off, len, "_sum");
    boolean bucket = endsWith(t, off, len, "_bucket");
    if (count || sum) {
      FamilyBuilder f = families.get(strings.get(t, off, len - (count ? 6 : 4)));
      if (f != null && typeOf(f) == MetricType.SUMMARY) {
        currentMF = f;
        isSummaryCount = count;
        isSummarySum = sum;
        return;
      }
    }
    if (count || sum || bucket) {
      FamilyBuilder f = families.get(strings.get(t, off, len - (count ? 6 : sum ? 4 : 7)));
      if (f != null && typeOf(f).isHistogram()) {
        currentMF = f;
        isHistogramCount = count;
        isHistogramSum = sum;
        return;
      }
    }
    currentMF = new FamilyBuilder(name);
    families.put(name, currentMF);
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

  private boolean isValidMetricName(byte[] t, int off, int len) {
    return utf8Names ? len > 0 && Utf8.isValid(t, off, len) : NameValidation.isLegacyMetricName(t, off, len);
  }

  private boolean isValidLabelName(byte[] t, int off, int len) {
    return utf8Names ? len > 0 && Utf8.isValid(t, off, len) : NameValidation.isLegacyLabelName(t, off, len);
  }

  // expfmt reads the type through nil-safe getters: no family, or one without TYPE, reads COUNTER.
  private static MetricType typeOf(FamilyBuilder f) {
    return f == null || f.type == null ? MetricType.COUNTER : f.type;
  }

  private String familyName() {
    return currentMF == null ? "" : currentMF.name;
  }

  private Map<String, MetricFamily> result() {
    Map<String, MetricFamily> out = new LinkedHashMap<>();
    for (FamilyBuilder f : families.values()) {
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

  /** A family while parsing; {@code help} and {@code type} are null until their lines come. */
  private static final class FamilyBuilder {
    final String name;
    String help;
    MetricType type;
    final List<MetricBuilder> metrics = new ArrayList<>();

    FamilyBuilder(String name) {
      this.name = name;
    }
  }
}
