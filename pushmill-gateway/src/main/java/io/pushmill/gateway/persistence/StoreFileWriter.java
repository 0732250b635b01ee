package io.pushmill.gateway.persistence;

import io.pushmill.gateway.store.GroupExpiry;
import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.StoredFamily;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.proto.ProtobufFormat;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/** Writes groups in the store file format (see {@link StoreFileFormat}). */
final class StoreFileWriter {
  private StoreFileWriter() {}

  /**
   * Writes the whole file to {@code sink}, which it flushes but does not close.
   *
   * @throws IllegalArgumentException when a family is filed under a name other than its own, which
   *     would not read back as the same group
   */
  static void write(OutputStream sink, List<GroupSnapshot> groups) throws IOException {
    write(sink, groups, StoreFileFormat.VERSION);
  }

  /** Writes the file in an older {@code version}, for tests of upgrades. */
  static void write(OutputStream sink, List<GroupSnapshot> groups, int version) throws IOException {
    if (!StoreFileFormat.isReadable(version)) {
      throw new IllegalArgumentException("no store file version " + version);
    }
    CRC32C crc = new CRC32C();
    DataOutputStream out = new DataOutputStream(new CheckedOutputStream(sink, crc));
    out.write(StoreFileFormat.MAGIC);
    out.writeInt(version);
    for (GroupSnapshot group : groups) {
      writeGroup(out, group, version);
    }
    out.writeByte(StoreFileFormat.TRAILER);
    out.writeInt(groups.size());
    out.flush();
    // The checksum covers every byte before it, so it goes to the sink directly.
    new DataOutputStream(sink).writeInt((int) crc.getValue());
    sink.flush();
  }

  private static void writeGroup(DataOutputStream out, GroupSnapshot group, int version)
      throws IOException {
    out.writeByte(StoreFileFormat.GROUP);
    Labels labels = group.key().labels();
    out.writeInt(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      writeString(out, labels.name(i));
      writeString(out, labels.value(i));
    }
    if (version >= StoreFileFormat.VERSION) {
      writeExpiry(out, group.expiry());
    }
    out.writeInt(group.families().size());
    for (Map.Entry<String, StoredFamily> e : group.families().entrySet()) {
      StoredFamily stored = e.getValue();
      if (!e.getKey().equals(stored.family().name())) {
        throw new IllegalArgumentException(
            "group "
                + group.key()
                + " files family \""
                + stored.family().name()
                + "\" under the name \""
                + e.getKey()
                + "\"");
      }
      out.writeLong(stored.timestamp().getEpochSecond());
      out.writeInt(stored.timestamp().getNano());
      ProtobufFormat.toProto(stored.family()).writeDelimitedTo(out);
    }
  }

  private static void writeExpiry(DataOutputStream out, GroupExpiry expiry) throws IOException {
    out.writeByte(StoreFileFormat.SOURCES.indexOf(expiry.source()));
    Duration ttl = expiry.ttl().orElse(Duration.ZERO);
    out.writeLong(ttl.getSeconds());
    out.writeInt(ttl.getNano());
    out.writeLong(expiry.since().getEpochSecond());
    out.writeInt(expiry.since().getNano());
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }
}
