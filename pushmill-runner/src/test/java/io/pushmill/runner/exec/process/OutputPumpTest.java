package io.pushmill.runner.exec.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.exec.ExecFixtures.RecordingSink;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutputPumpTest {

  /** Hands out one byte per read, so every multi-byte character is split across reads. */
  private static InputStream trickle(byte[] bytes) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }

  @Test
  void characters_split_across_reads_are_decoded_whole() throws Exception {
    String text = "é😀 ünïcödé\nzwei €\n";
    RecordingSink sink = new RecordingSink();
    OutputPump pump =
        OutputPump.start(
            trickle(text.getBytes(StandardCharsets.UTF_8)), sink, OutputLimits.DEFAULT);

    assertThat(pump.awaitEnd(Duration.ofSeconds(10))).isTrue();
    assertThat(sink.text()).isEqualTo(text);
    assertThat(sink.text()).doesNotContain("\uFFFD");
    assertThat(pump.lastLine()).isEqualTo("zwei €");
  }

  @Test
  void malformed_bytes_become_replacement_characters() throws Exception {
    RecordingSink sink = new RecordingSink();
    OutputPump pump =
        OutputPump.start(
            new ByteArrayInputStream(new byte[] {'a', (byte) 0xff, 'b'}),
            sink,
            OutputLimits.DEFAULT);

    assertThat(pump.awaitEnd(Duration.ofSeconds(10))).isTrue();
    assertThat(sink.text()).isEqualTo("a\uFFFDb");
  }

  @Test
  void a_failing_sink_does_not_stop_the_draining() throws Exception {
    OutputPump pump =
        OutputPump.start(
            new ByteArrayInputStream("x\ny\n".getBytes(StandardCharsets.UTF_8)),
            t -> {
              throw new IllegalStateException("database down");
            },
            OutputLimits.DEFAULT);

    assertThat(pump.awaitEnd(Duration.ofSeconds(10))).isTrue();
    assertThat(pump.lastLine()).isEqualTo("y");
  }
}
