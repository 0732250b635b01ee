package io.pushmill.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.server.testing.ApiFixture;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code schedules/*} against a real runner; schedules fire yearly so none runs meanwhile. */
class ScheduleRoutesTest {
  static final String YEARLY = "0 0 0 1 1 *";
  @TempDir static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws Exception {
    api = ApiFixture.start(dir);
    api.push("u/admin/target", "python3", "# param min_value integer 0\n# param max_value integer 100\n");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** The keys of the tutorial's {@code .schedule.yaml}, as {@code wmill schedule push} sends them. */
  static String tutorialSchedule(String path, boolean enabled) {
    return "{\"path\":\"" + path + "\",\"schedule\":\"" + YEARLY + "\",\"timezone\":\"Etc/UTC\","
        + "\"script_path\":\"u/admin/target\",\"is_flow\":false,"
        + "\"args\":{\"min_value\":0,\"max_value\":100},\"enabled\":" + enabled + ","
        + "\"summary\":\"Emit a random number\",\"retry\":{\"constant\":{\"attempts\":2}}}";
  }

  @Test
  void create_answers_the_path_as_text_and_get_echoes_every_field_as_sent() throws Exception {
    HttpTester.Response r = api.admin("POST", "/api/w/demo/schedules/create",
        tutorialSchedule("u/admin/echoed", true));

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.get("Content-Type")).startsWith("text/plain");
    assertThat(r.getContent()).isEqualTo("u/admin/echoed");
    JsonNode s = api.json("/api/w/demo/schedules/get/u/admin/echoed");
    assertThat(s.get("schedule").asText()).isEqualTo(YEARLY);
    assertThat(s.get("timezone").asText()).isEqualTo("Etc/UTC");
    assertThat(s.get("script_path").asText()).isEqualTo("u/admin/target");
    assertThat(s.get("is_flow").asBoolean()).isFalse();
    assertThat(s.get("args").toString()).isEqualTo("{\"min_value\":0,\"max_value\":100}");
    assertThat(s.get("enabled").asBoolean()).isTrue();
    assertThat(s.get("summary").asText()).isEqualTo("Emit a random number");
    assertThat(s.get("retry").toString()).isEqualTo("{\"constant\":{\"attempts\":2}}");
    assertThat(s.get("permissioned_as").asText()).isEqualTo("u/admin");
    assertThat(s.get("extra_perms").toString()).isEqualTo("{}");
    assertThat(s.has("description")).isFalse();
  }

  @Test
  void a_schedule_created_disabled_stays_disabled() throws Exception {
    api.admin("POST", "/api/w/demo/schedules/create", tutorialSchedule("u/admin/off", false));

    assertThat(api.json("/api/w/demo/schedules/get/u/admin/off").get("enabled").asBoolean())
        .isFalse();
  }

  @Test
  void update_changes_the_cron_and_ignores_enabled_and_script_path() throws Exception {
    api.admin("POST", "/api/w/demo/schedules/create", tutorialSchedule("u/admin/edited", true));

    HttpTester.Response r = api.admin("POST", "/api/w/demo/schedules/update/u/admin/edited",
        "{\"schedule\":\"0 0 0 1 2 *\",\"timezone\":\"Europe/Paris\",\"script_path\":\"u/admin/x\","
            + "\"is_flow\":false,\"args\":{\"min_value\":5},\"enabled\":false,"
            + "\"preserve_permissioned_as\":true,\"permissioned_as\":\"u/admin\"}");

    assertThat(r.getStatus()).isEqualTo(200);
    JsonNode s = api.json("/api/w/demo/schedules/get/u/admin/edited");
    assertThat(s.get("schedule").asText()).isEqualTo("0 0 0 1 2 *");
    assertThat(s.get("timezone").asText()).isEqualTo("Europe/Paris");
    assertThat(s.get("args").toString()).isEqualTo("{\"min_value\":5}");
    assertThat(s.get("enabled").asBoolean()).isTrue();
    assertThat(s.get("script_path").asText()).isEqualTo("u/admin/target");
    assertThat(s.has("summary")).isFalse();
  }

  @Test
  void setenabled_switches_a_schedule_off_and_on() throws Exception {
    api.admin("POST", "/api/w/demo/schedules/create", tutorialSchedule("u/admin/toggled", true));

    HttpTester.Response off = api.admin("POST",
        "/api/w/demo/schedules/setenabled/u/admin/toggled", "{\"enabled\":false}");
    boolean afterOff = api.json("/api/w/demo/schedules/get/u/admin/toggled").get("enabled")
        .asBoolean();
    api.admin("POST", "/api/w/demo/schedules/setenabled/u/admin/toggled", "{\"enabled\":true}");

    assertThat(off.getStatus()).isEqualTo(200);
    assertThat(off.get("Content-Type")).startsWith("text/plain");
    assertThat(afterOff).isFalse();
    assertThat(api.json("/api/w/demo/schedules/get/u/admin/toggled").get("enabled").asBoolean())
        .isTrue();
  }

  @Test
  void setenabled_without_a_boolean_is_400() throws Exception {
    api.admin("POST", "/api/w/demo/schedules/create", tutorialSchedule("u/admin/nobool", true));

    HttpTester.Response r = api.admin("POST", "/api/w/demo/schedules/setenabled/u/admin/nobool",
        "{\"enabled\":\"yes\"}");

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContent()).isEqualTo(
        "field enabled of the body of setenabled must be true or false, got \"yes\"");
  }

  @Test
  void list_filters_by_path_start_and_delete_removes() throws Exception {
    api.admin("POST", "/api/w/demo/schedules/create", tutorialSchedule("u/admin/lst_a", true));
    api.admin("POST", "/api/w/demo/schedules/create", tutorialSchedule("u/admin/lst_b", true));

    HttpTester.Response deleted = api.admin("DELETE", "/api/w/demo/schedules/delete/u/admin/lst_b");

    assertThat(deleted.getStatus()).isEqualTo(200);
    JsonNode list = api.json("/api/w/demo/schedules/list?path_start=u/admin/lst_");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("path").asText()).isEqualTo("u/admin/lst_a");
    assertThat(api.admin("GET", "/api/w/demo/schedules/get/u/admin/lst_b").getStatus())
        .isEqualTo(404);
  }

  @Test
  void an_unknown_schedule_is_404_for_get_update_setenabled_and_delete() throws Exception {
    assertThat(api.admin("GET", "/api/w/demo/schedules/get/u/admin/none").getStatus())
        .isEqualTo(404);
    assertThat(api.admin("POST", "/api/w/demo/schedules/update/u/admin/none",
        "{\"schedule\":\"" + YEARLY + "\",\"timezone\":\"UTC\"}").getStatus()).isEqualTo(404);
    assertThat(api.admin("POST", "/api/w/demo/schedules/setenabled/u/admin/none",
        "{\"enabled\":true}").getStatus()).isEqualTo(404);
    assertThat(api.admin("DELETE", "/api/w/demo/schedules/delete/u/admin/none").getStatus())
        .isEqualTo(404);
  }

  @Test
  void a_second_create_at_the_same_path_is_a_conflict() throws Exception {
    api.admin("POST", "/api/w/demo/schedules/create", tutorialSchedule("u/admin/dup", true));

    HttpTester.Response r = api.admin("POST", "/api/w/demo/schedules/create",
        tutorialSchedule("u/admin/dup", true));

    assertThat(r.getStatus()).isIn(400, 409);
    assertThat(r.getContent()).contains("u/admin/dup");
  }

  static Stream<Arguments> badSchedules() {
    String ok = tutorialSchedule("u/admin/bad0", true);
    return Stream.of(
        Arguments.of(1, ok.replace("bad0", "bad1").replace(YEARLY, "*/5 * * *"), "cron"),
        Arguments.of(2, ok.replace("bad0", "bad2").replace("Etc/UTC", "Mars/Olympus"),
            "Mars/Olympus"),
        Arguments.of(3, ok.replace("u/admin/bad0", "u//bad3"), "invalid path 'u//bad3'"),
        Arguments.of(4, ok.replace("bad0", "bad4").replace("u/admin/target", "u/admin/missing"),
            "u/admin/missing"),
        Arguments.of(5, ok.replace("bad0", "bad5").replace("\"min_value\":0", "\"min_value\":\"a\""),
            "argument 'min_value' of script u/admin/target must be an integer"),
        Arguments.of(6, ok.replace("bad0", "bad6").replace("\"min_value\":0", "\"typo\":0"),
            "unknown argument 'typo'"),
        Arguments.of(7, ok.replace("bad0", "bad7").replace("\"schedule\":\"" + YEARLY + "\",", ""),
            "the schedule needs the field schedule"));
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("badSchedules")
  void bad_schedules_get_400_with_the_reason_and_nothing_is_stored(int n, String body,
      String reason) throws Exception {
    HttpTester.Response r = api.admin("POST", "/api/w/demo/schedules/create", body);

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.get("Content-Type")).startsWith("text/plain");
    assertThat(r.getContent()).contains(reason);
    assertThat(api.admin("GET", "/api/w/demo/schedules/get/u/admin/bad" + n).getStatus())
        .isIn(400, 404);
    assertThat(api.json("/api/w/demo/schedules/list?path_start=u/admin/bad")).isEmpty();
  }
}
