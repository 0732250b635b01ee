package io.pushmill.gateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesRingTest {
  private static List<String> entries(SeriesRing r) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      out.add(r.time(i) + (r.removedAt(i) ? " removed" : "=" + r.value(i)));
    }
    return out;
  }

  @Test
  void entries_come_back_oldest_first() {
    SeriesRing r = new SeriesRing();
    r.add(1, 10, 100);
    r.add(2, 20, 100);
    r.markRemoved(3, 100);
    r.add(4, 40, 100);

    assertThat(entries(r)).containsExactly("1=10.0", "2=20.0", "3 removed", "4=40.0");
    assertThat(r.isRemoved()).isFalse();
  }

  @Test
  void the_oldest_entries_make_room_once_the_limit_is_reached() {
    SeriesRing r = new SeriesRing();
    for (int t = 1; t <= 20; t++) {
      r.add(t, t, 5);
    }
    assertThat(entries(r)).containsExactly("16=16.0", "17=17.0", "18=18.0", "19=19.0", "20=20.0");
    assertThat(r.bytes()).isEqualTo(SeriesRing.OVERHEAD_BYTES + 16 * 5);
  }

  @Test
  void the_arrays_grow_by_doubling_up_to_the_limit() {
    SeriesRing r = new SeriesRing();
    assertThat(r.bytes()).isEqualTo(SeriesRing.OVERHEAD_BYTES);
    r.add(1, 1, 1000);
    assertThat(r.bytes()).isEqualTo(SeriesRing.OVERHEAD_BYTES + 16 * 8);
    for (int t = 2; t <= 9; t++) {
      r.add(t, t, 1000);
    }
    assertThat(r.bytes()).isEqualTo(SeriesRing.OVERHEAD_BYTES + 16 * 16);
    assertThat(r.size()).isEqualTo(9);
  }

  @Test
  void a_lower_limit_drops_the_oldest_and_gives_memory_back() {
    SeriesRing r = new SeriesRing();
    for (int t = 1; t <= 64; t++) {
      r.add(t, t, 64);
    }
    r.limit(10);
    assertThat(r.size()).isEqualTo(10);
    assertThat(r.time(0)).isEqualTo(55);
    assertThat(r.bytes()).isEqualTo(SeriesRing.OVERHEAD_BYTES + 16 * 10);
  }

  @Test
  void entries_older_than_a_cutoff_go() {
    SeriesRing r = new SeriesRing();
    for (int t = 1; t <= 5; t++) {
      r.add(t * 10, t, 100);
    }
    r.dropBefore(30);
    assertThat(entries(r)).containsExactly("30=3.0", "40=4.0", "50=5.0");
  }

  @Test
  void a_removal_is_marked_once_and_no_pushed_nan_looks_like_one() {
    SeriesRing r = new SeriesRing();
    r.add(1, Double.longBitsToDouble(0x7ff8_0000_0000_0badL), 100);
    r.add(2, Double.NaN, 100);
    r.markRemoved(3, 100);
    r.markRemoved(4, 100);

    assertThat(entries(r)).containsExactly("1=NaN", "2=NaN", "3 removed");
    assertThat(r.isRemoved()).isTrue();
  }
}
