package io.pushmill.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.runner.SettableClock;
import io.pushmill.server.ui.Sessions.Session;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTest {
  final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));
  final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(2), 3);

  @Test
  void a_session_has_its_own_random_id_and_csrf_token() {
    Session a = sessions.create();
    Session b = sessions.create();
    assertThat(a.id()).hasSize(43).isNotEqualTo(b.id()).isNotEqualTo(a.csrf());
    assertThat(a.csrf()).isNotEqualTo(b.csrf());
    assertThat(sessions.find(a.id())).map(Session::csrf).contains(a.csrf());
    assertThat(sessions.find("not-a-session")).isEmpty();
    assertThat(sessions.find("")).isEmpty();
  }

  @Test
  void a_session_ends_after_its_idle_time_unless_it_is_used() {
    Session s = sessions.create();
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(s.id())).isPresent();
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(s.id())).isPresent();
    clock.advance(Duration.ofMinutes(30));
    assertThat(sessions.find(s.id())).isEmpty();
  }

  @Test
  void a_session_ends_at_its_maximum_age_even_when_used() {
    Session s = sessions.create();
    for (int i = 0; i < 7; i++) {
      clock.advance(Duration.ofMinutes(17));
      assertThat(sessions.find(s.id())).as("after %d min", 17 * (i + 1)).isPresent();
    }
    clock.advance(Duration.ofMinutes(1));
    assertThat(sessions.find(s.id())).isEmpty();
  }

  @Test
  void a_logout_ends_the_session_and_the_oldest_makes_room_at_the_limit() {
    Session first = sessions.create();
    clock.advance(Duration.ofSeconds(1));
    Session second = sessions.create();
    sessions.remove(second.id());
    assertThat(sessions.find(second.id())).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    sessions.create();
    clock.advance(Duration.ofSeconds(1));
    sessions.create();
    clock.advance(Duration.ofSeconds(1));
    sessions.create();
    assertThat(sessions.size()).isEqualTo(3);
    assertThat(sessions.find(first.id())).isEmpty();
  }

  @Test
  void bounds_that_make_no_sense_are_refused() {
    assertThatThrownBy(() -> new Sessions(clock, Duration.ofHours(2), Duration.ofHours(1), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idle PT2H, max age PT1H");
  }
}
