package io.pushmill.server.ui;

/** A request the UI refuses, with the HTTP status and a message fit for the page. */
final class UiException extends RuntimeException {
  private final int status;

  UiException(int status, String message) {
    super(message);
    this.status = status;
  }

  static UiException badRequest(String message) {
    return new UiException(400, message);
  }

  static UiException notFound(String message) {
    return new UiException(404, message);
  }

  int status() {
    return status;
  }
}
