package io.pushmill.gateway.persistence;

/** A store file that cannot be read back; the message is the reason, for the log and the user. */
final class CorruptStoreFileException extends Exception {
  CorruptStoreFileException(String reason) {
    super(reason);
  }

  CorruptStoreFileException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
