package io.pushmill.server.api;

/**
 * A request the API refuses before it reaches the runner (bad query parameter, body, token): the
 * status and a message for the client's text body, which never holds a token.
 */
public final class ApiException extends RuntimeException {
  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, message);
  }
}
