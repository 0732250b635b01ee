package io.pushmill.server.cli;

/** A client command that failed (exit code 1): the server refused, or could not be reached. */
public final class ClientException extends RuntimeException {
  public ClientException(String message) {
    super(message);
  }

  public ClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
