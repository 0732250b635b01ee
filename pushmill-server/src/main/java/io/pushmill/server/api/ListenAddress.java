package io.pushmill.server.api;

import java.util.Optional;

/** A listen address: {@code host:port}, {@code [ipv6]:port}, or {@code :port} for every interface. */
record ListenAddress(Optional<String> host, int port) {

  static ListenAddress parse(String address) {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "invalid listen address \"" + address + "\": missing port in address");
    }
    String host = address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      int port = Integer.parseInt(address.substring(colon + 1));
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return new ListenAddress(host.isEmpty() ? Optional.empty() : Optional.of(host), port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid listen address \"" + address
          + "\": invalid port \"" + address.substring(colon + 1) + "\"");
    }
  }
}
