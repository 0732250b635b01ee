package io.pushmill.metrics.text;

import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.MetricType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Parses the Prometheus text format 0.0.4 exactly as {@code expfmt.TextParser} (prometheus/common
 * v0.69) does, including its error texts and line numbers.
 *
 * <p>The parser is expfmt's state machine, state for state, on bytes: one pass, tokens as ranges of
 * the input, repeated names and values shared. Like expfmt it keeps the current family and metric
 * across lines, which gives odd but faithful results for lines that start with a brace (see {@link
 * MetricBuilder}). Where expfmt would panic (a line starting with a brace right after a comment, or
 * a metric name inside braces whose summary labels go into a map it never made), this parser
 * reports {@code invalid metric name} or treats the map as empty.
 */
public final class TextParser {
  private static final int LABEL_NAME = 0;
  private static final int LABEL_VALUE = 1;
  private static final int VALUE = 2;

  private final TextCursor in;
  private final boolean utf8Names;
  private final StringCache strings = new StringCache();
  private final FamilyTable families = new FamilyTable();
  private final SignatureLabels currentLabels = new SignatureLabels();
  private FamilyTable.Family currentMF;
  private MetricBuilder currentMetric;
  private String[] pending = new String[16]; // label pairs of the current line, name then value
  private int pendingLen;
  private int currentPair; // index of the current label's name in pending, or -1
  private String currentLabelName = "";
  private double currentQuantile = Double.NaN;
  private double currentBucket = Double.NaN;
  private FamilyTable.Role role = FamilyTable.Role.SAMPLE;
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
    return p.families.result();
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
      throw in.error("expected '\"' at start of label value, found " + GoQuote.quoteByte(in.cur));
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
    if (type == MetricType.SUMMARY || type.isHistogram()) {
      currentMetric = families.merge(currentMF, currentLabels.key(), currentMetric);
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

  private void summaryValue(double value) {
    MetricBuilder.SummaryBuilder s = currentMetric.summary();
    if (role == FamilyTable.Role.SUMMARY_COUNT) {
      s.count(value);
    } else if (role == FamilyTable.Role.SUMMARY_SUM) {
      s.sum(value);
    } else if (!Double.isNaN(currentQuantile)) {
      s.quantile(currentQuantile, value);
    }
  }

  private void histogramValue(double value) throws TextParseException {
    HistogramBuilder h = currentMetric.histogram();
    if (role == FamilyTable.Role.HISTOGRAM_COUNT) {
      if (!h.count(value)) {
        throw in.error("negative count for histogram " + GoQuote.quote(currentMF.name));
      }
    } else if (role == FamilyTable.Role.HISTOGRAM_SUM) {
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

  // Finds the family of the name token; see FamilyTable.resolve.
  private void setOrCreateCurrentMF() throws TextParseException {
    role = FamilyTable.Role.SAMPLE;
    if (!isValidMetricName(in.tok, in.tokOff, in.tokLen)) {
      throw in.error("invalid metric name " + in.quotedToken());
    }
    currentMF = families.resolve(in.tok, in.tokOff, in.tokLen, strings);
    role = families.role();
  }

  private boolean isValidMetricName(byte[] t, int off, int len) {
    return utf8Names
        ? len > 0 && Utf8.isValid(t, off, len)
        : NameValidation.isLegacyMetricName(t, off, len);
  }

  private boolean isValidLabelName(byte[] t, int off, int len) {
    return utf8Names
        ? len > 0 && Utf8.isValid(t, off, len)
        : NameValidation.isLegacyLabelName(t, off, len);
  }

  private static MetricType typeOf(FamilyTable.Family f) {
    return FamilyTable.typeOf(f);
  }

  private String familyName() {
    return currentMF == null ? "" : currentMF.name;
  }
}
