package io.pushmill.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginCheckTest {
  @ParameterizedTest(name = "{0}: Origin {1}, Sec-Fetch-Site {2}, Host {3} -> allowed {4}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      1 | http://pm:8000       | -           | pm:8000   | true
      2 | https://pm:8000      | -           | pm:8000   | true
      3 | https://PM           | -           | pm        | true
      4 | http://pm:8001       | -           | pm:8000   | false
      5 | https://evil.example | same-origin | pm:8000   | false
      6 | null                 | -           | pm:8000   | false
      7 | not a url            | -           | pm:8000   | false
      8 | -                    | same-origin | pm:8000   | true
      9 | -                    | none        | pm:8000   | true
     10 | -                    | same-site   | pm:8000   | false
     11 | -                    | cross-site  | pm:8000   | false
     12 | -                    | -           | pm:8000   | true
      """)
  void a_post_must_come_from_this_server(int n, String origin, String site, String host,
      boolean allowed) {
    assertThat(OriginCheck.refusal(Optional.ofNullable(origin), Optional.ofNullable(site), host))
        .as("refusal").matches(r -> r.isEmpty() == allowed);
  }

  @ParameterizedTest(name = "{0}: next {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      1 | /jobs?status=running   | /jobs?status=running
      2 | /                      | /
      3 | //evil.example/x       | /
      4 | https://evil.example/  | /
      5 | /\\\\evil.example       | /
      6 | /login?next=/x         | /
      7 | javascript:alert(1)    | /
      """)
  void the_page_after_the_login_is_always_on_this_server(int n, String next, String safe) {
    assertThat(LoginPage.safeNext(next)).isEqualTo(safe);
  }
}
