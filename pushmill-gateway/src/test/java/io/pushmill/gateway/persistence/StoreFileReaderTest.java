package io.pushmill.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.client.Metrics;
import io.pushmill.gateway.store.GroupingKey;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files with a correct checksum but a wrong structure, as only a faulty writer would produce: the
 * reader still refuses them, naming the byte where it went wrong. Written in version 1's layout
 * (groups without expiry), which the reader still reads; {@code StoreFileVersionTest} covers the
 * expiry of version 2.
 */
class StoreFileReaderTest {
  @TempDir Path dir;

  /** The header, then {@code body}, then the trailer's marker, count and CRC. */
  private static byte[] file(int groupCount, Body body) {
    return checksummed(
        out -> {
          body.write(out);
          out.writeByte('E');
          out.writeInt(groupCount);
        });
  }

  /** The header, then {@code body}, then the CRC-32C of all that. */
  private static byte[] checksummed(Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    try {
      out.write(StoreFileFormat.MAGIC);
      out.writeInt(StoreFileFormat.VERSION_1);
      body.write(out);
      CRC32C crc = new CRC32C();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Part of a file, written by a test. */
  interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** A group record: its labels, then families given as (seconds, nanos, message). */
  private static Body group(List<String> labels, Body families, int familyCount) {
    return out -> {
      out.writeByte('G');
      out.writeInt(labels.size() / 2);
      for (String s : labels) {
        string(out, s);
      }
      out.writeInt(familyCount);
      families.write(out);
    };
  }

  private static Body family(long seconds, int nanos, String name) {
    return out -> {
      out.writeLong(seconds);
      out.writeInt(nanos);
      Metrics.MetricFamily.newBuilder().setName(name).build().writeDelimitedTo(out);
    };
  }

  private static Body both(Body a, Body b) {
    return out -> {
      a.write(out);
      b.write(out);
    };
  }

  private static final Body NOTHING = out -> {};
  private static final List<String> JOB_A = List.of("job", "a");

  static Stream<Arguments> badStructures() {
    Body groupA = group(JOB_A, family(1, 2, "m"), 1);
    return Stream.of(
        row(1, file(1, NOTHING), "at byte 13: the trailer counts 1 groups, the file holds 0"),
        row(2, file(0, groupA), "at byte 50: the trailer counts 0 groups, the file holds 1"),
        row(3, file(2, both(groupA, groupA)), "at byte 49: group {job=\"a\"} appears twice"),
        row(
            4,
            file(0, out -> out.writeByte('X')),
            "at byte 12: expected a group or the trailer, found byte 0x58"),
        row(
            5,
            file(1, group(List.of("job", ""), NOTHING, 0)),
            "at byte 12: invalid grouping labels: job name is required"),
        row(
            6,
            file(1, group(List.of("job", "a", "job", "b"), NOTHING, 0)),
            "at byte 12: invalid grouping labels: grouping labels repeat a name:"
                + " {job=\"a\",job=\"b\"}"),
        row(
            7,
            file(1, group(JOB_A, family(1, 1_000_000_000, "m"), 1)),
            "at byte 33: nanoseconds out of range: 1000000000"),
        row(
            8,
            file(1, group(JOB_A, family(Long.MAX_VALUE, 0, "m"), 1)),
            "at byte 33: timestamp out of range: 9223372036854775807 seconds"),
        row(
            9,
            file(1, group(JOB_A, both(family(1, 0, "m"), family(2, 0, "m")), 2)),
            "at byte 49: family \"m\" appears twice in group {job=\"a\"}"),
        row(
            10,
            file(
                1,
                group(
                    JOB_A,
                    out -> {
                      out.writeLong(0);
                      out.writeInt(0);
                      out.write(new byte[] {2, 0, 0});
                    },
                    1)),
            "at byte 33: invalid protobuf MetricFamily: Protocol message contained an invalid tag"
                + " (zero)."),
        row(
            11,
            file(
                1,
                group(
                    JOB_A,
                    out -> {
                      out.writeLong(0);
                      out.writeInt(0);
                      out.write(new byte[] {3, 0x0a, 1, (byte) 0xff});
                    },
                    1)),
            "at byte 33: invalid protobuf MetricFamily: metric family name is not valid UTF-8:"
                + " \"\uFFFD\""),
        row(
            12,
            file(1, group(JOB_A, NOTHING, 1_000_000)),
            "at byte 29: a count of 1000000 does not fit in the rest of the file"),
        row(
            13,
            file(
                1,
                out -> {
                  out.writeByte('G');
                  out.writeInt(1);
                  out.writeInt(1 << 30);
                }),
            "at byte 17: a length of 1073741824 runs past the end of the file"),
        row(
            14,
            file(
                1,
                out -> {
                  out.writeByte('G');
                  out.writeInt(1);
                  out.writeInt(1);
                  out.writeByte(0xff);
                  out.writeInt(0);
                  out.writeInt(0);
                }),
            "at byte 17: a label is not valid UTF-8"),
        row(
            15,
            checksummed(
                out -> {
                  out.writeByte('E');
                  out.writeInt(0);
                  out.writeInt(0xdeadbeef); // where the reader expects the checksum
                }),
            "at byte 21: 4 unexpected bytes after the trailer"));
  }

  private static Arguments row(int n, byte[] file, String reason) {
    return Arguments.of(n, file, reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badStructures")
  void a_file_with_a_good_checksum_but_a_bad_structure_is_refused(
      int n, byte[] bytes, String reason) throws Exception {
    Path f = dir.resolve("f" + n);
    Files.write(f, bytes);
    assertThatThrownBy(() -> StoreFileReader.read(f))
        .as("case %d", n)
        .isInstanceOf(CorruptStoreFileException.class)
        .hasMessage(reason);
  }

  @Test
  void a_hand_written_file_reads_as_its_groups() throws Exception {
    Path f = dir.resolve("f");
    Files.write(f, file(1, group(List.of("job", "a", "x", "y"), family(-1, 5, "m"), 1)));
    var groups = StoreFileReader.read(f);
    assertThat(groups).hasSize(1);
    assertThat(groups.getFirst().key()).isEqualTo(GroupingKey.of("job", "a", "x", "y"));
    assertThat(groups.getFirst().families()).containsOnlyKeys("m");
    assertThat(groups.getFirst().families().get("m").timestamp())
        .isEqualTo(Instant.ofEpochSecond(-1, 5));
  }

  @Test
  void the_writer_refuses_a_family_filed_under_another_name() {
    var misfiled =
        new io.pushmill.gateway.store.GroupSnapshot(
            GroupingKey.of("job", "a"),
            Map.of("wrong", StoreGroups.gauge(Instant.EPOCH, "right", 1)));
    assertThatThrownBy(() -> StoreFileWriter.write(new ByteArrayOutputStream(), List.of(misfiled)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("group {job=\"a\"} files family \"right\" under the name \"wrong\"");
  }

  @Test
  void an_empty_store_is_the_header_and_the_trailer() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StoreFileWriter.write(out, List.of(), StoreFileFormat.VERSION_1);
    assertThat(out.toByteArray()).isEqualTo(file(0, NOTHING));
    assertThat(new String(out.toByteArray(), 0, 8, StandardCharsets.US_ASCII))
        .isEqualTo("PUSHMILL");
  }
}
