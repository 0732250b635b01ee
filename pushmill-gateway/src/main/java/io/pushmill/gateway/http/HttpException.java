package io.pushmill.gateway.http;

/**
 * A request the gateway answers with an error status and a plain-text message, the way Go's {@code
 * http.Error} does. Handlers throw it; {@link Exchange} turns it into the response.
 */
public class HttpException extends RuntimeException {
  private final int status;

  public HttpException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }
}
