package io.pushmill.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginTest {
  @TempDir Path dir;
  UiFixture ui;

  @BeforeEach
  void start() throws Exception {
    ui = UiFixture.start(dir);
  }

  @AfterEach
  void stop() throws Exception {
    ui.close();
  }

  @Test
  void a_page_without_a_session_redirects_to_the_login_with_the_page_to_come_back_to()
      throws Exception {
    HttpTester.Response r = ui.client().get("/jobs?status=running");
    assertThat(r.getStatus()).isEqualTo(303);
    assertThat(r.get("Location")).isEqualTo("/login?next=%2Fjobs%3Fstatus%3Drunning");
  }

  @Test
  void the_admin_token_starts_a_session_in_a_strict_http_only_cookie() throws Exception {
    UiClient c = ui.client();
    HttpTester.Response r = c.login(io.pushmill.server.testing.ApiFixture.TOKEN);
    assertThat(r.getStatus()).isEqualTo(303);
    assertThat(r.get("Location")).isEqualTo("/");
    String cookie = r.getValuesList("Set-Cookie").stream()
        .filter(s -> s.startsWith("pushmill_session=")).findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/")
        .doesNotContain("Secure");
    HttpTester.Response overview = c.get("/");
    assertThat(overview.getStatus()).isEqualTo(200);
    assertThat(overview.getContent()).contains("<h1>Overview</h1>");
  }

  @Test
  void an_htmx_request_without_a_session_is_told_to_go_to_the_login() throws Exception {
    HttpTester.Response r = ui.client().send("GET", "/gateway/group?l.job=x", "",
        Map.of("HX-Request", "true"));
    assertThat(r.getStatus()).isEqualTo(401);
    assertThat(r.get("HX-Redirect")).isEqualTo("/login");
    HttpTester.Response post = ui.client().send("POST", "/gateway/delete",
        UiClient.form("l.job", "x"), Map.of());
    assertThat(post.getStatus()).isEqualTo(303);
    assertThat(post.get("Location")).isEqualTo("/login");
  }

  @Test
  void a_logout_ends_the_session() throws Exception {
    UiClient c = ui.client().login();
    String session = c.cookies().get("pushmill_session");
    HttpTester.Response r = c.post("/logout");
    assertThat(r.getStatus()).isEqualTo(303);
    assertThat(r.get("Location")).isEqualTo("/login");
    assertThat(c.cookies()).doesNotContainKey("pushmill_session");
    HttpTester.Response again = c.send("GET", "/", "", Map.of("Cookie",
        "pushmill_session=" + session));
    assertThat(again.getStatus()).isEqualTo(303);
  }

  @Test
  void pages_carry_a_strict_content_security_policy_and_the_api_stays_as_it_was()
      throws Exception {
    HttpTester.Response page = ui.client().get("/login");
    assertThat(page.get("Content-Security-Policy")).contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(page.get("X-Frame-Options")).isEqualTo("DENY");
    assertThat(ui.api.admin("GET", "/api/version").getContent()).startsWith("CE v");
    assertThat(ui.client().get("/api/w/demo/scripts/list").getStatus()).isEqualTo(401);
    assertThat(ui.client().get("/metrics").getContent()).contains("process_test_gauge");
    assertThat(ui.client().get("/vendor/htmx.min.js").getStatus()).isEqualTo(200);
    assertThat(ui.client().get("/vendor/uPlot.iife.min.js").getContent()).contains("uPlot");
  }

  @Test
  void a_wrong_token_is_refused_and_never_echoed() throws Exception {
    UiClient c = ui.client();
    HttpTester.Response r = c.login("not-the-token-xyz");
    assertThat(r.getStatus()).isEqualTo(401);
    assertThat(r.getContent()).contains("That is not the admin token.")
        .doesNotContain("not-the-token-xyz");
    assertThat(c.cookies()).doesNotContainKey("pushmill_session");
  }

  @Test
  void a_login_without_the_forms_nonce_is_refused() throws Exception {
    UiClient c = ui.client();
    HttpTester.Response r = c.send("POST", "/login",
        UiClient.form("token", io.pushmill.server.testing.ApiFixture.TOKEN), Map.of());
    assertThat(r.getStatus()).isEqualTo(403);
    assertThat(c.cookies()).doesNotContainKey("pushmill_session");
  }
}
