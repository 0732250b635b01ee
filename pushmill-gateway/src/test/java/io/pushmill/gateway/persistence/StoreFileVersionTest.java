package io.pushmill.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.gateway.store.GroupExpiry;
import io.pushmill.gateway.store.GroupSnapshot;
import io.pushmill.gateway.store.TtlSource;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 2 keeps each group's expiry; version 1 files still load, without TTLs. */
class StoreFileVersionTest {
  private static final Instant SINCE = Instant.parse("2026-11-25T12:00:00.123456789Z");

  @TempDir Path dir;

  private Path write(List<GroupSnapshot> groups, int version) throws IOException {
    Path file = dir.resolve("v" + version + ".data");
    try (OutputStream out = Files.newOutputStream(file)) {
      StoreFileWriter.write(out, groups, version);
    }
    return file;
  }

  private static List<GroupSnapshot> withEveryExpiry() {
    List<GroupSnapshot> groups = StoreGroups.varied();
    List<GroupExpiry> expiries =
        List.of(
            GroupExpiry.of(Duration.ofSeconds(30, 500), TtlSource.URL, SINCE),
            GroupExpiry.of(Duration.ZERO, TtlSource.URL, SINCE.plusSeconds(1)),
            GroupExpiry.of(Duration.ofDays(400), TtlSource.POLICY, Instant.EPOCH),
            GroupExpiry.of(Duration.ofMinutes(5), TtlSource.DEFAULT, Instant.ofEpochSecond(-5, 1)));
    List<GroupSnapshot> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      out.add(groups.get(i).withExpiry(expiries.get(i)));
    }
    return out;
  }

  @Test
  void version_2_keeps_every_kind_of_expiry_exactly() throws Exception {
    List<GroupSnapshot> groups = withEveryExpiry();
    Path file = write(groups, StoreFileFormat.VERSION);

    List<GroupSnapshot> read = StoreFileReader.read(file);

    assertThat(read).containsExactlyElementsOf(groups);
    assertThat(read.getFirst().expiry().expiresAt())
        .contains(Instant.parse("2026-11-25T12:00:30.123457289Z"));
    assertThat(read.get(1).expiry().ttl()).isEmpty();
    assertThat(read.get(1).expiry().source()).isEqualTo(TtlSource.URL);
  }

  @Test
  void the_writer_writes_version_2() throws Exception {
    new FileStorePersistence(dir.resolve("p.data"), true).save(withEveryExpiry());
    byte[] bytes = Files.readAllBytes(dir.resolve("p.data"));
    assertThat(bytes[11]).isEqualTo((byte) 2);
    assertThat(new FileStorePersistence(dir.resolve("p.data"), true).load())
        .containsExactlyElementsOf(withEveryExpiry());
  }

  @Test
  void a_version_1_file_loads_without_ttls_counting_from_the_last_push() throws Exception {
    Path file = write(withEveryExpiry(), StoreFileFormat.VERSION_1);

    List<GroupSnapshot> read = StoreFileReader.read(file);

    assertThat(read).hasSize(4);
    assertThat(read).extracting(g -> g.expiry().source()).containsOnly(TtlSource.NONE);
    assertThat(read).allMatch(g -> g.expiry().ttl().isEmpty());
    // everyKind pushed successfully; failedPush only failed; emptyGroup has no push_* families
    assertThat(read.get(0).expiry().since()).isEqualTo(read.get(0).lastPushTime().orElseThrow());
    assertThat(read.get(1).expiry().since()).isEqualTo(read.get(1).lastFailureTime().orElseThrow());
    assertThat(read.get(3).expiry().since()).isEqualTo(Instant.EPOCH);
    assertThat(read)
        .extracting(GroupSnapshot::families)
        .containsExactlyElementsOf(
            withEveryExpiry().stream().map(GroupSnapshot::families).toList());
  }

  /** One group {job="a"} without families and this expiry record, in a valid version 2 file. */
  private Path fileWithExpiry(int source, long ttlSeconds, int ttlNanos, int sinceNanos)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(StoreFileFormat.MAGIC);
    out.writeInt(2);
    out.writeByte('G');
    out.writeInt(1);
    for (String s : new String[] {"job", "a"}) {
      out.writeInt(s.length());
      out.writeBytes(s);
    }
    out.writeByte(source);
    out.writeLong(ttlSeconds);
    out.writeInt(ttlNanos);
    out.writeLong(1);
    out.writeInt(sinceNanos);
    out.writeInt(0);
    out.writeByte('E');
    out.writeInt(1);
    CRC32C crc = new CRC32C();
    crc.update(bytes.toByteArray());
    out.writeInt((int) crc.getValue());
    Path file = dir.resolve("crafted.data");
    Files.write(file, bytes.toByteArray());
    return file;
  }

  @Test
  void a_crafted_version_2_group_reads_back() throws Exception {
    assertThat(StoreFileReader.read(fileWithExpiry(3, 60, 0, 5)).getFirst().expiry())
        .isEqualTo(
            GroupExpiry.of(Duration.ofMinutes(1), TtlSource.DEFAULT, Instant.ofEpochSecond(1, 5)));
  }

  @Test
  void an_unknown_ttl_source_is_refused_with_its_offset() {
    assertThatThrownBy(() -> StoreFileReader.read(fileWithExpiry(4, 60, 0, 0)))
        .isInstanceOf(CorruptStoreFileException.class)
        .hasMessage("at byte 29: unknown TTL source 4");
  }

  @Test
  void a_ttl_without_a_source_is_refused() {
    assertThatThrownBy(() -> StoreFileReader.read(fileWithExpiry(0, 60, 0, 0)))
        .isInstanceOf(CorruptStoreFileException.class)
        .hasMessage("at byte 29: a TTL of PT1M without a source");
  }

  @Test
  void a_negative_ttl_is_refused() {
    assertThatThrownBy(() -> StoreFileReader.read(fileWithExpiry(1, -1, 0, 0)))
        .isInstanceOf(CorruptStoreFileException.class)
        .hasMessage("at byte 30: negative TTL: -1 seconds");
  }

  @Test
  void nanoseconds_out_of_range_are_refused() {
    assertThatThrownBy(() -> StoreFileReader.read(fileWithExpiry(1, 1, 1_000_000_000, 0)))
        .isInstanceOf(CorruptStoreFileException.class)
        .hasMessage("at byte 30: nanoseconds out of range: 1000000000");
    assertThatThrownBy(() -> StoreFileReader.read(fileWithExpiry(1, 1, 0, -1)))
        .isInstanceOf(CorruptStoreFileException.class)
        .hasMessage("at byte 42: nanoseconds out of range: -1");
  }
}
