package io.pushmill.runner;

/** The database failed or was unreachable: HTTP 500. The message names the operation, not the URL. */
public final class StorageException extends RunnerException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
