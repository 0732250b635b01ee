package io.pushmill.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.store.LogRepository.Chunk;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogBufferTest {
  private static final UUID JOB = UUID.fromString("00000000-0000-0000-0000-000000000001");

  @Test
  void drains_carry_consecutive_offsets() {
    LogBuffer buffer = new LogBuffer(JOB, 0, 1024);
    buffer.append("hello\n");
    Chunk first = buffer.drain().orElseThrow();
    buffer.append("world\n");
    buffer.append("again\n");
    Chunk second = buffer.drain().orElseThrow();
    assertThat(first).isEqualTo(new Chunk(JOB, 0, "hello\n"));
    assertThat(second).isEqualTo(new Chunk(JOB, 6, "world\nagain\n"));
    assertThat(buffer.drain()).isEmpty();
  }

  @Test
  void a_requeued_job_continues_after_its_earlier_log() {
    LogBuffer buffer = new LogBuffer(JOB, 120, 1024);
    buffer.append("x");
    assertThat(buffer.drain().orElseThrow().start()).isEqualTo(120);
  }

  @Test
  void output_beyond_the_cap_is_dropped_after_the_head_and_a_note() {
    LogBuffer buffer = new LogBuffer(JOB, 0, 10);
    buffer.append("123456");
    buffer.append("7890abc");
    buffer.append("more");
    assertThat(buffer.drain().orElseThrow().text()).isEqualTo(
        "1234567890\n[pushmill: log truncated at 10 bytes; the rest of the output was dropped]\n");
    buffer.append("still more");
    assertThat(buffer.drain()).isEmpty();
  }

  @Test
  void the_cap_counts_utf8_bytes_and_never_splits_a_character() {
    LogBuffer buffer = new LogBuffer(JOB, 0, 5);
    buffer.append("é€😀");   // 2 + 3 + 4 bytes
    assertThat(buffer.drain().orElseThrow().text()).startsWith("é€\n[pushmill: log truncated");
    assertThat(LogBuffer.prefixWithin("a😀b", 4)).isEqualTo(1);
    assertThat(LogBuffer.prefixWithin("a😀b", 5)).isEqualTo(3);
  }

  @Test
  void runner_notes_go_in_even_after_truncation_on_their_own_line() {
    LogBuffer buffer = new LogBuffer(JOB, 0, 4);
    buffer.append("abcdef");
    buffer.drain();
    buffer.note("job canceled");
    assertThat(buffer.drain().orElseThrow().text()).isEqualTo("job canceled\n");
    buffer.append("no");
    buffer.note("x");
    assertThat(buffer.drain()).hasValueSatisfying(c -> assertThat(c.text()).isEqualTo("x\n"));
  }
}
