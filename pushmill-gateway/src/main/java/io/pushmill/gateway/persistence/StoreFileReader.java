package io.pushmill.gateway.persistence;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.prometheus.client.Metrics;
import io.pushmill.gateway.store.GroupExpiry;
import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.gateway.store.StoredFamily;
import io.pushmill.gateway.store.TtlSource;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.MetricFamily;
import io.pushmill.metrics.proto.ProtobufFormat;
import io.pushmill.metrics.proto.ProtobufParseException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a store file back, refusing anything that is not exactly what {@link StoreFileWriter}
 * wrote. It first checks the header and the checksum over the whole file, so that a truncated or
 * damaged file is reported as such rather than by whatever the damage happens to look like, then
 * parses the groups.
 */
final class StoreFileReader {
  private final DataInputStream in;
  private final long size;
  private final int version;
  private long position;

  private StoreFileReader(DataInputStream in, long size, int version) {
    this.in = in;
    this.size = size;
    this.version = version;
  }

  /**
   * The groups in the file, in the order they were written. Groups of a version 1 file have no
   * TTL; their countdown would start at their last push.
   */
  static List<GroupSnapshot> read(Path file) throws IOException, CorruptStoreFileException {
    long size = Files.size(file);
    int version = StoreFileChecksum.verify(file, size);
    try (InputStream raw = Files.newInputStream(file)) {
      StoreFileReader reader =
          new StoreFileReader(
              new DataInputStream(new BufferedInputStream(raw, 1 << 16)), size, version);
      return reader.readGroups();
    } catch (EOFException e) {
      throw new CorruptStoreFileException("the file ends early, inside a record", e);
    }
  }

  private List<GroupSnapshot> readGroups() throws IOException, CorruptStoreFileException {
    bytes(StoreFileFormat.HEADER_SIZE);
    List<GroupSnapshot> groups = new ArrayList<>();
    Set<GroupingKey> keys = new HashSet<>();
    while (true) {
      long at = position;
      int marker = in.readUnsignedByte();
      position++;
      if (marker == StoreFileFormat.TRAILER) {
        checkTrailer(groups.size());
        return groups;
      }
      if (marker != StoreFileFormat.GROUP) {
        throw corrupt(
            at, String.format("expected a group or the trailer, found byte 0x%02x", marker));
      }
      GroupSnapshot group = readGroup(at);
      if (!keys.add(group.key())) {
        throw corrupt(at, "group " + group.key() + " appears twice");
      }
      groups.add(group);
    }
  }

  private void checkTrailer(int groupCount) throws IOException, CorruptStoreFileException {
    long at = position;
    long count = u32();
    bytes(4); // the checksum, already verified
    if (count != groupCount) {
      throw corrupt(at, "the trailer counts " + count + " groups, the file holds " + groupCount);
    }
    if (position != size) {
      throw corrupt(position, (size - position) + " unexpected bytes after the trailer");
    }
  }

  private GroupSnapshot readGroup(long at) throws IOException, CorruptStoreFileException {
    int labelCount = count(8);
    List<String> names = new ArrayList<>(labelCount);
    List<String> values = new ArrayList<>(labelCount);
    for (int i = 0; i < labelCount; i++) {
      names.add(string());
      values.add(string());
    }
    GroupingKey key;
    try {
      key = new GroupingKey(Labels.of(names, values));
    } catch (IllegalArgumentException e) {
      throw corrupt(at, "invalid grouping labels: " + e.getMessage());
    }
    Optional<GroupExpiry> expiry =
        version >= StoreFileFormat.VERSION ? Optional.of(expiry()) : Optional.empty();
    int familyCount = count(13);
    Map<String, StoredFamily> families = new HashMap<>(familyCount * 2);
    for (int i = 0; i < familyCount; i++) {
      long familyAt = position;
      StoredFamily family = family(familyAt);
      if (families.put(family.family().name(), family) != null) {
        throw corrupt(
            familyAt, "family \"" + family.family().name() + "\" appears twice in group " + key);
      }
    }
    GroupSnapshot group = new GroupSnapshot(key, families);
    return expiry.map(group::withExpiry).orElse(group);
  }

  private GroupExpiry expiry() throws IOException, CorruptStoreFileException {
    long at = position;
    int code = in.readUnsignedByte();
    position++;
    if (code >= StoreFileFormat.SOURCES.size()) {
      throw corrupt(at, "unknown TTL source " + code);
    }
    TtlSource source = StoreFileFormat.SOURCES.get(code);
    Duration ttl = duration(position);
    Instant since = instant(position);
    if (source == TtlSource.NONE && !ttl.isZero()) {
      throw corrupt(at, "a TTL of " + ttl + " without a source");
    }
    return GroupExpiry.of(ttl, source, since);
  }

  private Duration duration(long at) throws IOException, CorruptStoreFileException {
    long seconds = in.readLong();
    int nanos = nanos(at);
    if (seconds < 0) {
      throw corrupt(at, "negative TTL: " + seconds + " seconds");
    }
    return Duration.ofSeconds(seconds, nanos);
  }

  private Instant instant(long at) throws IOException, CorruptStoreFileException {
    long seconds = in.readLong();
    int nanos = nanos(at);
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException e) {
      throw corrupt(at, "timestamp out of range: " + seconds + " seconds");
    }
  }

  // The nanoseconds after the seconds of a duration or instant; counts the 12 bytes of both.
  private int nanos(long at) throws IOException, CorruptStoreFileException {
    int nanos = in.readInt();
    position += 12;
    if (nanos < 0 || nanos > 999_999_999) {
      throw corrupt(at, "nanoseconds out of range: " + nanos);
    }
    return nanos;
  }

  private StoredFamily family(long at) throws IOException, CorruptStoreFileException {
    Instant timestamp = instant(at);
    long lengthAt = position;
    byte[] message = bytes(checkLength(lengthAt, varint(lengthAt)));
    try {
      MetricFamily family = ProtobufFormat.fromProto(Metrics.MetricFamily.parseFrom(message));
      return new StoredFamily(timestamp, family);
    } catch (InvalidProtocolBufferException | ProtobufParseException e) {
      throw corrupt(at, "invalid protobuf MetricFamily: " + e.getMessage());
    }
  }

  private int varint(long at) throws IOException, CorruptStoreFileException {
    int first = in.readUnsignedByte();
    try {
      int length = CodedInputStream.readRawVarint32(first, in);
      position += CodedOutputStream.computeUInt32SizeNoTag(length);
      return length;
    } catch (InvalidProtocolBufferException e) {
      throw corrupt(at, "invalid length of the protobuf MetricFamily: " + e.getMessage());
    }
  }

  /** A count of items, each at least {@code minItemSize} bytes, that must fit in what is left. */
  private int count(int minItemSize) throws IOException, CorruptStoreFileException {
    long at = position;
    long n = u32();
    if (n > Integer.MAX_VALUE || n * minItemSize > size - position) {
      throw corrupt(at, "a count of " + n + " does not fit in the rest of the file");
    }
    return (int) n;
  }

  private int checkLength(long at, long length) throws CorruptStoreFileException {
    if (length < 0 || length > size - position) {
      throw corrupt(at, "a length of " + length + " runs past the end of the file");
    }
    return (int) length;
  }

  private String string() throws IOException, CorruptStoreFileException {
    long at = position;
    byte[] utf8 = bytes(checkLength(at, u32()));
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8)).toString();
    } catch (CharacterCodingException e) {
      throw corrupt(at, "a label is not valid UTF-8");
    }
  }

  private long u32() throws IOException {
    long v = Integer.toUnsignedLong(in.readInt());
    position += 4;
    return v;
  }

  private byte[] bytes(int n) throws IOException {
    byte[] b = new byte[n];
    in.readFully(b);
    position += n;
    return b;
  }

  private static CorruptStoreFileException corrupt(long at, String what) {
    return new CorruptStoreFileException("at byte " + at + ": " + what);
  }
}
