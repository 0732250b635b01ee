package io.pushmill.gateway.http.gocompat;

/** Go's {@code html.EscapeString}: the five characters that matter in HTML text and attributes. */
public final class GoHtml {
  private GoHtml() {}

  /** {@code s} with {@code & < > " '} replaced by entities. */
  public static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      String entity =
          switch (s.charAt(i)) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&#34;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (entity != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (entity != null) {
          sb.append(entity);
        } else {
          sb.append(s.charAt(i));
        }
      }
    }
    return sb == null ? s : sb.toString();
  }
}
