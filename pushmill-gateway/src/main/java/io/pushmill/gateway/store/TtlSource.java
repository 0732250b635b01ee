package io.pushmill.gateway.store;

/** Where a group's time to live came from. */
public enum TtlSource {
  /** The push URL's {@code __ttl__} pseudo-label (zero there means never expire). */
  URL,
  /** The server's {@link TtlPolicy}. */
  POLICY,
  /** The server-wide default ({@code --push.default-ttl}). */
  DEFAULT,
  /** Nobody set one: the group never expires, as upstream's groups. */
  NONE;

  /** The lower-case name the API and the UI show. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
