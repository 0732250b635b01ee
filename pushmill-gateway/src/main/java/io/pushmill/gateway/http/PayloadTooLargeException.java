package io.pushmill.gateway.http;

/** A push body larger than {@code --push.max-body-size}, before or after decompression: 413. */
public final class PayloadTooLargeException extends HttpException {
  public PayloadTooLargeException(long limit) {
    super(413, "request body exceeds the limit of " + limit + " bytes (--push.max-body-size)");
  }
}
