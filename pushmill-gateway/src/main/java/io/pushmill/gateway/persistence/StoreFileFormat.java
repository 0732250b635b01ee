package io.pushmill.gateway.persistence;

import io.pushmill.gateway.store.TtlSource;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The constants of Pushmill's persistence file; {@code docs/persistence.md} describes the layout.
 * All integers are big-endian. Version 2 adds each group's expiry to version 1.
 */
final class StoreFileFormat {
  /** The first bytes of every store file. */
  static final byte[] MAGIC = "PUSHMILL".getBytes(StandardCharsets.US_ASCII);

  /** The first version: groups without expiry. Still read. */
  static final int VERSION_1 = 1;

  /** The version this code writes: each group carries its expiry. */
  static final int VERSION = 2;

  /** Magic plus the 4-byte version. */
  static final int HEADER_SIZE = MAGIC.length + 4;

  /** Starts a group record. */
  static final int GROUP = 'G';

  /** Starts the trailer: the group count, then the checksum. */
  static final int TRAILER = 'E';

  /** Marker, group count, CRC-32C. */
  static final int TRAILER_SIZE = 1 + 4 + 4;

  /** A group's expiry in version 2: source, TTL (seconds, nanos), since (seconds, nanos). */
  static final int EXPIRY_SIZE = 1 + 12 + 12;

  /** The TTL sources by their code in the file: the index in this list. */
  static final List<TtlSource> SOURCES =
      List.of(TtlSource.NONE, TtlSource.URL, TtlSource.POLICY, TtlSource.DEFAULT);

  private StoreFileFormat() {}

  static boolean isReadable(int version) {
    return version == VERSION_1 || version == VERSION;
  }
}
