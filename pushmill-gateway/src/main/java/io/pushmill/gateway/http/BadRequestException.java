package io.pushmill.gateway.http;

/** A request the gateway refuses with 400 and upstream's message (bad URL, unparsable body). */
public final class BadRequestException extends HttpException {
  public BadRequestException(String message) {
    super(400, message);
  }
}
