package io.pushmill.server.ui;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The second line against cross-site requests, after the CSRF token: a browser's {@code Origin}
 * header must name this server (the {@code Host} the request came to), and without one its {@code
 * Sec-Fetch-Site} must be {@code same-origin} or {@code none}. A request with neither (curl, old
 * browsers) passes here and still needs the token. The scheme is not compared, so a TLS proxy in
 * front does not break forms.
 */
final class OriginCheck {
  private OriginCheck() {}

  /**
   * @param origin the {@code Origin} header, if any
   * @param fetchSite the {@code Sec-Fetch-Site} header, if any
   * @param host the {@code Host} header the request came with
   * @return empty when the request may go on, else why it may not
   */
  static Optional<String> refusal(Optional<String> origin, Optional<String> fetchSite,
      String host) {
    if (origin.isPresent()) {
      String authority = authority(origin.get());
      if (authority == null || !authority.equalsIgnoreCase(host.strip())) {
        return Optional.of("the request came from another site (Origin " + origin.get() + ")");
      }
      return Optional.empty();
    }
    String site = fetchSite.map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
    if (site.isEmpty() || site.equals("same-origin") || site.equals("none")) {
      return Optional.empty();
    }
    return Optional.of("the request came from another site (Sec-Fetch-Site " + site + ")");
  }

  private static String authority(String origin) {
    if (origin.equals("null")) {
      return null;
    }
    try {
      return new URI(origin).getRawAuthority();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
