package io.pushmill.runner.exec.process;

/**
 * Remembers the last line of a stream of text fed in chunks, as {@code tail -1} sees it: the text
 * after the last newline, or the line before it when the text ends with a newline. Keeps at most
 * {@code maxChars} characters of a line, so memory stays bounded whatever the output.
 */
final class LastLine {
  private final int maxChars;
  private final StringBuilder current = new StringBuilder();
  private String previous = "";
  private boolean sawAny;

  LastLine(int maxChars) {
    this.maxChars = maxChars;
  }

  void accept(char[] chars, int length) {
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (chars[i] == '\n') {
        append(chars, start, i);
        previous = current.toString();
        current.setLength(0);
        start = i + 1;
      }
    }
    append(chars, start, length);
    sawAny |= length > 0;
  }

  private void append(char[] chars, int from, int to) {
    int room = maxChars - current.length();
    if (room > 0) {
      current.append(chars, from, Math.min(to - from, room));
    }
  }

  /** The last line, trimmed; empty when there was no output. */
  String value() {
    if (!sawAny) {
      return "";
    }
    return (current.isEmpty() ? previous : current.toString()).strip();
  }
}
