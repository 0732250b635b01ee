package io.pushmill.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.gateway.store.GroupSnapshot;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileStorePersistenceTest {
  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-11-25T13:45:01.750Z"));
  private static final String CORRUPT_NAME = "pushmill.data.corrupt-20261125T134501Z";

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("pushmill.data");
  }

  private FileStorePersistence persistence(boolean strict) {
    return new FileStorePersistence(file(), strict, CLOCK);
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private byte[] savedBytes() throws IOException {
    new FileStorePersistence(dir.resolve("good.data"), false).save(StoreGroups.varied());
    return Files.readAllBytes(dir.resolve("good.data"));
  }

  @Test
  void a_missing_file_loads_as_no_groups() throws Exception {
    assertThat(persistence(true).load()).isEmpty();
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void saved_groups_load_back_equal() throws Exception {
    FileStorePersistence p = persistence(true);
    p.save(StoreGroups.varied());
    assertThat(p.load()).containsExactlyElementsOf(StoreGroups.varied());
  }

  @Test
  void a_new_instance_loads_what_the_previous_one_saved() throws Exception {
    persistence(false).save(StoreGroups.varied());
    List<GroupSnapshot> restored = new FileStorePersistence(file(), false).load();
    assertThat(restored).containsExactlyElementsOf(StoreGroups.varied());
    GroupSnapshot failed = restored.get(1);
    assertThat(failed.lastPushTime()).isEmpty();
    assertThat(failed.lastPushSuccessful()).isFalse();
    assertThat(restored.getFirst().families().get("jobs_total").timestamp())
        .isEqualTo(Instant.parse("2026-11-25T09:45:01.123456789Z"));
  }

  @Test
  void an_empty_store_saves_and_loads_as_no_groups() throws Exception {
    persistence(true).save(List.of());
    assertThat(Files.size(file())).isEqualTo(21);
    assertThat(persistence(true).load()).isEmpty();
  }

  @Test
  void a_save_replaces_the_previous_save_whole() throws Exception {
    persistence(true).save(StoreGroups.varied());
    persistence(true).save(List.of(StoreGroups.failedPush()));
    assertThat(persistence(true).load()).containsExactly(StoreGroups.failedPush());
  }

  @Test
  void the_saved_file_is_readable_by_its_owner_only_and_no_temp_file_remains() throws Exception {
    persistence(true).save(StoreGroups.varied());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
        .isEqualTo("rw-------");
    assertThat(filesInDir()).containsExactly("pushmill.data");
  }

  static Stream<Arguments> corruptions() throws IOException {
    return Stream.of(
        Arguments.of(
            1, "zero bytes", (UnaryOperator<byte[]>) b -> new byte[0], "the file is empty"),
        Arguments.of(
            2,
            "garbage",
            (UnaryOperator<byte[]>) b -> "blablabla\n".getBytes(StandardCharsets.US_ASCII),
            "not a Pushmill store file: it starts with"),
        Arguments.of(
            3,
            "wrong magic",
            (UnaryOperator<byte[]>) b -> flip(b, 0),
            "not a Pushmill store file: it starts with d155"),
        Arguments.of(
            4,
            "future version",
            (UnaryOperator<byte[]>) b -> set(b, 11, 3),
            "unsupported format version 3 (this Pushmill reads versions 1 to 2)"),
        Arguments.of(
            5,
            "truncated in the header",
            (UnaryOperator<byte[]>) b -> cut(b, 10),
            "truncated inside the header, after 10 bytes"),
        Arguments.of(
            6,
            "truncated after the header",
            (UnaryOperator<byte[]>) b -> cut(b, 12),
            "truncated: 12 bytes is shorter than an empty store file"),
        Arguments.of(
            7,
            "truncated in a group",
            (UnaryOperator<byte[]>) b -> cut(b, 200),
            "checksum mismatch"),
        Arguments.of(
            8,
            "truncated in the trailer",
            (UnaryOperator<byte[]>) b -> cut(b, b.length - 2),
            "checksum mismatch"),
        Arguments.of(
            9,
            "one flipped byte",
            (UnaryOperator<byte[]>) b -> flip(b, b.length / 2),
            "checksum mismatch"),
        Arguments.of(
            10,
            "a flipped checksum",
            (UnaryOperator<byte[]>) b -> flip(b, b.length - 1),
            "checksum mismatch"),
        Arguments.of(
            11,
            "a byte appended",
            (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length + 1),
            "checksum mismatch"));
  }

  private static byte[] flip(byte[] b, int at) {
    byte[] c = b.clone();
    c[at] ^= (byte) 0x81;
    return c;
  }

  private static byte[] set(byte[] b, int at, int value) {
    byte[] c = b.clone();
    c[at] = (byte) value;
    return c;
  }

  private static byte[] cut(byte[] b, int length) {
    return Arrays.copyOf(b, length);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("corruptions")
  void a_corrupt_file_is_moved_aside_and_the_store_starts_empty(
      int n, String what, UnaryOperator<byte[]> damage, String reason) throws Exception {
    byte[] bad = damage.apply(savedBytes());
    Files.write(file(), bad);

    assertThat(persistence(false).load()).as("case %d", n).isEmpty();

    assertThat(file()).as("case %d", n).doesNotExist();
    assertThat(dir.resolve(CORRUPT_NAME)).as("case %d", n).hasBinaryContent(bad);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("corruptions")
  void in_strict_mode_a_corrupt_file_is_moved_aside_and_refused_with_the_reason(
      int n, String what, UnaryOperator<byte[]> damage, String reason) throws Exception {
    byte[] bad = damage.apply(savedBytes());
    Files.write(file(), bad);

    assertThatThrownBy(() -> persistence(true).load())
        .as("case %d", n)
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("persistence file " + file() + " is unreadable (" + reason)
        .hasMessageEndingWith("); moved it to " + dir.resolve(CORRUPT_NAME));
    assertThat(file()).doesNotExist();
    assertThat(dir.resolve(CORRUPT_NAME)).hasBinaryContent(bad);
  }

  @Test
  void an_existing_corrupt_copy_is_never_replaced() throws Exception {
    Files.writeString(dir.resolve(CORRUPT_NAME), "older");
    Files.writeString(dir.resolve(CORRUPT_NAME + "-2"), "old");
    Files.writeString(file(), "new garbage");

    assertThat(persistence(false).load()).isEmpty();

    assertThat(dir.resolve(CORRUPT_NAME)).hasContent("older");
    assertThat(dir.resolve(CORRUPT_NAME + "-2")).hasContent("old");
    assertThat(dir.resolve(CORRUPT_NAME + "-3")).hasContent("new garbage");
  }

  @Test
  void a_directory_in_place_of_the_file_is_an_io_error_and_moved_aside() throws Exception {
    Files.createDirectory(file());
    assertThatThrownBy(() -> persistence(true).load())
        .hasMessageContaining("is unreadable (IOException: Is a directory)");
    assertThat(dir.resolve(CORRUPT_NAME)).isDirectory();
  }

  @Test
  void after_a_corrupt_file_was_moved_aside_the_next_save_and_load_work() throws Exception {
    Files.writeString(file(), "garbage");
    FileStorePersistence p = persistence(false);
    assertThat(p.load()).isEmpty();
    p.save(List.of(StoreGroups.failedPush()));
    assertThat(p.load()).containsExactly(StoreGroups.failedPush());
    assertThat(filesInDir()).containsExactly("pushmill.data", CORRUPT_NAME);
  }

  /** Fails after a number of bytes, as a full disk would. */
  private static UnaryOperator<OutputStream> failAfter(long bytes) {
    return out ->
        new FilterOutputStream(out) {
          private long written;

          @Override
          public void write(int b) throws IOException {
            if (++written > bytes) {
              throw new IOException("No space left on device");
            }
            super.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
              write(b[off + i]);
            }
          }
        };
  }

  @Test
  void a_save_that_fails_midway_leaves_the_previous_file_and_no_temp_file() throws Exception {
    persistence(true).save(List.of(StoreGroups.failedPush()));
    byte[] before = Files.readAllBytes(file());
    FileStorePersistence failing = new FileStorePersistence(file(), true, CLOCK, failAfter(100));

    assertThatThrownBy(() -> failing.save(StoreGroups.varied()))
        .isInstanceOf(IOException.class)
        .hasMessage("No space left on device");

    assertThat(file()).hasBinaryContent(before);
    assertThat(filesInDir()).containsExactly("pushmill.data");
    assertThat(persistence(true).load()).containsExactly(StoreGroups.failedPush());
  }

  @Test
  void a_save_whose_rename_fails_removes_its_temp_file() throws Exception {
    // A non-empty directory where the file should be: writing works, the rename cannot.
    Files.createDirectories(file().resolve("occupied"));
    assertThatThrownBy(() -> persistence(true).save(StoreGroups.varied()))
        .isInstanceOf(IOException.class);
    assertThat(filesInDir()).containsExactly("pushmill.data");
    assertThat(file().resolve("occupied")).isDirectory();
  }

  @Test
  void a_save_into_a_missing_directory_fails_and_creates_nothing() throws Exception {
    Path missing = dir.resolve("no/such/dir/pushmill.data");
    assertThatThrownBy(() -> new FileStorePersistence(missing, true).save(List.of()))
        .isInstanceOf(IOException.class);
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void temp_files_left_by_an_interrupted_save_are_removed_on_load() throws Exception {
    persistence(true).save(List.of(StoreGroups.failedPush()));
    Files.writeString(dir.resolve("pushmill.data.tmp-123456"), "half");
    Files.writeString(dir.resolve("other.data.tmp-1"), "not ours");

    assertThat(persistence(true).load()).containsExactly(StoreGroups.failedPush());

    assertThat(filesInDir()).containsExactly("other.data.tmp-1", "pushmill.data");
  }
}
