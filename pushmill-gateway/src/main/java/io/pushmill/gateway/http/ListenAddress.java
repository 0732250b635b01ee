package io.pushmill.gateway.http;

import java.util.Optional;

/**
 * A {@code --web.listen-address} value as Go's {@code net.Listen} reads it: {@code host:port},
 * {@code [ipv6]:port}, or {@code :port} for every interface.
 */
public record ListenAddress(Optional<String> host, int port) {

  public ListenAddress {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * Parses an address.
   *
   * @throws IllegalArgumentException naming the address and what is wrong with it
   */
  public static ListenAddress parse(String address) {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "invalid listen address \"" + address + "\": missing port in address");
    }
    String host = address.substring(0, colon);
    String port = address.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException(
          "invalid listen address \"" + address + "\": too many colons in address");
    }
    int p;
    try {
      p = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid listen address \"" + address + "\": unknown port \"" + port + "\"");
    }
    if (p < 0 || p > 65535) {
      throw new IllegalArgumentException(
          "invalid listen address \"" + address + "\": invalid port \"" + port + "\"");
    }
    return new ListenAddress(host.isEmpty() ? Optional.empty() : Optional.of(host), p);
  }
}
