package io.pushmill.gateway.persistence;

import java.nio.charset.StandardCharsets;

/**
 * The constants of Pushmill's persistence file, version 1; {@code docs/persistence.md} describes
 * the layout. All integers are big-endian.
 */
final class StoreFileFormat {
  /** The first bytes of every store file. */
  static final byte[] MAGIC = "PUSHMILL".getBytes(StandardCharsets.US_ASCII);

  /** The format version this code writes and the only one it reads. */
  static final int VERSION = 1;

  /** Magic plus the 4-byte version. */
  static final int HEADER_SIZE = MAGIC.length + 4;

  /** Starts a group record. */
  static final int GROUP = 'G';

  /** Starts the trailer: the group count, then the checksum. */
  static final int TRAILER = 'E';

  /** Marker, group count, CRC-32C. */
  static final int TRAILER_SIZE = 1 + 4 + 4;

  private StoreFileFormat() {}
}
