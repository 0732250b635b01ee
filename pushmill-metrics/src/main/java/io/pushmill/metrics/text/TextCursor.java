package io.pushmill.metrics.text;

import java.util.Arrays;

/**
 * The byte reader and tokenizer under {@link TextParser}: the current byte, the line number, and
 * the last token read. Token readers follow expfmt's {@code readToken...} functions byte for byte,
 * including their odd corners (an unquoted name may contain a quoted part; a backslash vanishes
 * from a TYPE line). A token is a range of the input when it needs no unescaping, else of a scratch
 * buffer; either way it is valid until the next token is read.
 */
final class TextCursor {
  private final byte[] buf;
  private final int end;
  private int pos;
  private byte[] scratch = new byte[64];

  /** The most recent byte read, 0-255. */
  int cur;

  /** The 1-based line being parsed. */
  int line;

  byte[] tok;
  int tokOff;
  int tokLen;

  TextCursor(byte[] buf, int off, int len) {
    this.buf = buf;
    this.pos = off;
    this.end = off + len;
    this.tok = buf;
  }

  TextParseException error(String reason) {
    return new TextParseException(line, reason);
  }

  /** Reads the next byte; the input ending here is upstream's "unexpected end of input stream". */
  void read() throws TextParseException {
    if (pos >= end) {
      throw error("unexpected end of input stream");
    }
    cur = buf[pos++] & 0xFF;
  }

  /** Skips blanks and tabs at the start of a line; false at a clean end of input. */
  boolean skipBlankTabAtLineStart() {
    do {
      if (pos >= end) {
        return false;
      }
      cur = buf[pos++] & 0xFF;
    } while (cur == ' ' || cur == '\t');
    return true;
  }

  void skipBlankTab() throws TextParseException {
    do {
      read();
    } while (cur == ' ' || cur == '\t');
  }

  void skipBlankTabIfCurrentBlankTab() throws TextParseException {
    if (cur == ' ' || cur == '\t') {
      skipBlankTab();
    }
  }

  static boolean isBlankOrTab(int b) {
    return b == ' ' || b == '\t';
  }

  /** The token from the current byte up to a blank, tab or newline (left in {@link #cur}). */
  void readTokenUntilWhitespace() throws TextParseException {
    int start = pos - 1;
    while (cur != ' ' && cur != '\t' && cur != '\n') {
      read();
    }
    setToken(buf, start, pos - 1 - start);
  }

  /**
   * The rest of the line from the current byte. A backslash is dropped in any case; with {@code
   * escapes}, {@code \\}, {@code \n} and {@code \"} are unescaped and anything else fails.
   */
  void readTokenUntilNewline(boolean escapes) throws TextParseException {
    int start = pos - 1;
    while (cur != '\n' && cur != '\\') {
      read();
    }
    if (cur == '\n') {
      setToken(buf, start, pos - 1 - start);
      return;
    }
    int n = copyToScratch(start, pos - 1 - start);
    boolean escaped = false;
    while (true) {
      if (escapes && escaped) {
        n = putEscaped(n);
        escaped = false;
      } else if (cur == '\n') {
        break;
      } else if (cur == '\\') {
        escaped = true;
      } else {
        n = put(n, cur);
      }
      read();
    }
    setToken(scratch, 0, n);
  }

  /**
   * A metric name ({@code metric}) or label name starting at the current byte, unquoting a quoted
   * part; the token is empty when the byte cannot start a name. The byte after the name is left in
   * {@link #cur}.
   */
  void readName(boolean metric) throws TextParseException {
    int start = pos - 1;
    setToken(buf, start, 0);
    if (!isNameStart(cur, metric)) {
      return;
    }
    if (cur != '"') {
      do {
        read();
      } while (isUnquotedContinuation(cur, metric));
      if (cur != '"') {
        setToken(buf, start, pos - 1 - start);
        return;
      }
    }
    readQuotedName(metric, copyToScratch(start, pos - 1 - start));
  }

  // The general case of expfmt's readTokenAsMetricName/readTokenAsLabelName; cur is a quote.
  private void readQuotedName(boolean metric, int n) throws TextParseException {
    boolean quoted = false;
    boolean escaped = false;
    while (true) {
      if (escaped) {
        n = putEscaped(n);
        escaped = false;
      } else if (cur == '"') {
        quoted = !quoted;
        if (!quoted) {
          read();
          break;
        }
      } else if (cur == '\n') {
        String what = metric ? "metric name " : "label name ";
        throw error(what + GoQuote.quote(scratch, 0, n) + " contains unescaped new-line");
      } else if (cur == '\\') {
        escaped = true;
      } else {
        n = put(n, cur);
      }
      read();
      if (!quoted && !isUnquotedContinuation(cur, metric) && cur != '"') {
        break;
      }
    }
    setToken(scratch, 0, n);
  }

  /** A label value; the current byte is its opening quote, the closing quote is left in cur. */
  void readLabelValue() throws TextParseException {
    int start = pos;
    while (true) {
      read();
      if (cur == '"') {
        setToken(buf, start, pos - 1 - start);
        return;
      }
      if (cur == '\n') {
        throw error(unescapedNewLineInValue(buf, start, pos - 1 - start));
      }
      if (cur == '\\') {
        break;
      }
    }
    int n = copyToScratch(start, pos - 1 - start);
    boolean escaped = true;
    while (true) {
      read();
      if (escaped) {
        n = putEscaped(n);
        escaped = false;
      } else if (cur == '"') {
        setToken(scratch, 0, n);
        return;
      } else if (cur == '\n') {
        throw error(unescapedNewLineInValue(scratch, 0, n));
      } else if (cur == '\\') {
        escaped = true;
      } else {
        n = put(n, cur);
      }
    }
  }

  private static String unescapedNewLineInValue(byte[] b, int off, int len) {
    return "label value " + GoQuote.quote(b, off, len) + " contains unescaped new-line";
  }

  // Unescapes the current byte, which followed a backslash.
  private int putEscaped(int n) throws TextParseException {
    return switch (cur) {
      case '\\', '"' -> put(n, cur);
      case 'n' -> put(n, '\n');
      default -> throw error("invalid escape sequence '\\" + (char) cur + "'");
    };
  }

  boolean tokenEquals(String ascii) {
    if (tokLen != ascii.length()) {
      return false;
    }
    for (int i = 0; i < tokLen; i++) {
      if (tok[tokOff + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code %q} of the token. */
  String quotedToken() {
    return GoQuote.quote(tok, tokOff, tokLen);
  }

  private static boolean isNameStart(int b, boolean metric) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || b == '_'
        || b == '"'
        || (metric && b == ':');
  }

  // Continuation bytes outside quotes, except the quote itself which opens a quoted part.
  private static boolean isUnquotedContinuation(int b, boolean metric) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || b == '_'
        || (metric && b == ':');
  }

  private void setToken(byte[] b, int off, int len) {
    tok = b;
    tokOff = off;
    tokLen = len;
  }

  private int copyToScratch(int start, int len) {
    ensure(len);
    System.arraycopy(buf, start, scratch, 0, len);
    return len;
  }

  private int put(int n, int b) {
    ensure(n + 1);
    scratch[n] = (byte) b;
    return n + 1;
  }

  private void ensure(int capacity) {
    if (capacity > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(capacity, scratch.length * 2));
    }
  }
}
