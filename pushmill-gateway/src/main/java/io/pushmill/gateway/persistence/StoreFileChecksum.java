package io.pushmill.gateway.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * Checks what can be checked without parsing: the magic, the version and the CRC-32C in the last
 * four bytes over everything before them.
 */
final class StoreFileChecksum {
  private StoreFileChecksum() {}

  /** Checks the file; returns its format version. */
  static int verify(Path file, long size) throws IOException, CorruptStoreFileException {
    if (size == 0) {
      throw new CorruptStoreFileException("the file is empty");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] header = in.readNBytes(StoreFileFormat.HEADER_SIZE);
      int version = checkHeader(header);
      if (size < StoreFileFormat.HEADER_SIZE + StoreFileFormat.TRAILER_SIZE) {
        throw new CorruptStoreFileException(
            "truncated: " + size + " bytes is shorter than an empty store file");
      }
      CRC32C crc = new CRC32C();
      crc.update(header);
      byte[] buffer = new byte[1 << 16];
      for (long left = size - header.length - 4; left > 0; ) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new CorruptStoreFileException("the file shrank while it was read");
        }
        crc.update(buffer, 0, n);
        left -= n;
      }
      byte[] stored = in.readNBytes(4);
      int computed = (int) crc.getValue();
      if (stored.length < 4 || ByteBuffer.wrap(stored).getInt() != computed) {
        throw new CorruptStoreFileException(
            String.format(
                "checksum mismatch (stored %s, computed %08x): the file is truncated or damaged",
                HexFormat.of().formatHex(stored), computed));
      }
      return version;
    }
  }

  private static int checkHeader(byte[] header) throws CorruptStoreFileException {
    byte[] magic = StoreFileFormat.MAGIC;
    int n = Math.min(header.length, magic.length);
    if (!Arrays.equals(header, 0, n, magic, 0, n)) {
      throw new CorruptStoreFileException(
          "not a Pushmill store file: it starts with "
              + HexFormat.of().formatHex(header, 0, n)
              + " instead of \"PUSHMILL\"");
    }
    if (header.length < StoreFileFormat.HEADER_SIZE) {
      throw new CorruptStoreFileException(
          "truncated inside the header, after " + header.length + " bytes");
    }
    int version = ByteBuffer.wrap(header, magic.length, 4).getInt();
    if (!StoreFileFormat.isReadable(version)) {
      throw new CorruptStoreFileException(
          "unsupported format version "
              + Integer.toUnsignedString(version)
              + " (this Pushmill reads versions "
              + StoreFileFormat.VERSION_1
              + " to "
              + StoreFileFormat.VERSION
              + ")");
    }
    return version;
  }
}
