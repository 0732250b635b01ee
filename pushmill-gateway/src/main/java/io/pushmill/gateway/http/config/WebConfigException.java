package io.pushmill.gateway.http.config;

/** A web configuration file that cannot be used; the message names the key, never a secret. */
public final class WebConfigException extends RuntimeException {
  public WebConfigException(String message) {
    super(message);
  }

  public WebConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
