package io.pushmill.metrics.text;

/**
 * A push body that is not valid text format. The message is upstream's, word for word: {@code text
 * format parsing error in line 3: unexpected end of input stream}.
 */
public final class TextParseException extends Exception {
  private final int line;

  public TextParseException(int line, String reason) {
    super("text format parsing error in line " + line + ": " + reason);
    this.line = line;
  }

  /** The 1-based line the parser was on. */
  public int line() {
    return line;
  }
}
