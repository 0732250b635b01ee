package io.pushmill.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.metrics.MetricFamily;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: parsing what the writer wrote gives back the same families, for seeded random families
 * that the text format can carry (see {@link RandomFamilies} for what it cannot).
 */
class TextRoundTripTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 20260101})
  void legacy_names_survive_write_then_parse(long seed) throws Exception {
    List<MetricFamily> families = new RandomFamilies(seed, false).families(150);
    assertThat(roundTrip(families, false)).isEqualTo(families);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 20260101})
  void utf8_names_survive_write_then_parse(long seed) throws Exception {
    List<MetricFamily> families = new RandomFamilies(seed, true).families(150);
    assertThat(roundTrip(families, true)).isEqualTo(families);
  }

  private static List<MetricFamily> roundTrip(List<MetricFamily> families, boolean utf8Names)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TextWriter.write(out, families);
    return new ArrayList<>(TextParser.parse(out.toByteArray(), utf8Names).values());
  }
}
