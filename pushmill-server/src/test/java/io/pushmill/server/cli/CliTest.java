package io.pushmill.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.exec.Language;
import io.pushmill.server.testing.ApiFixture;
import io.pushmill.server.testing.ScriptedRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The client commands against a live API on a free port. */
class CliTest {
  @TempDir static Path dir;
  @TempDir Path files;
  static ApiFixture api;

  /** What a command printed and returned. */
  record Result(int code, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    api = ApiFixture.startListening(dir.resolve("data"));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static Result cli(Object command, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", api.url().toString(), "--token", ApiFixture.TOKEN));
    return run(command, all.toArray(String[]::new));
  }

  static Result run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(files.resolve(name), content);
  }

  @Test
  void script_push_takes_the_language_from_the_extension_and_says_when_nothing_changed()
      throws Exception {
    Path f = file("hello.sh", "# log hi\n");

    Result first = cli(new ScriptCommand(), "push", f.toString(), "--path", "u/admin/hello");
    Result second = cli(new ScriptCommand(), "push", f.toString(), "--path", "u/admin/hello");

    assertThat(first.code()).isZero();
    assertThat(first.out()).matches("pushed script u/admin/hello \\(hash [0-9a-f]{16}\\)\n");
    assertThat(second.out()).matches("script u/admin/hello is unchanged \\(hash [0-9a-f]{16}\\)\n");
    assertThat(api.json("/api/w/demo/scripts/get/p/u/admin/hello").get("language").asText())
        .isEqualTo("bash");
  }

  @Test
  void script_push_errors_name_the_bad_value() throws Exception {
    Result missing = cli(new ScriptCommand(), "push", files.resolve("nope.py").toString(),
        "--path", "u/admin/x");
    Result extension = cli(new ScriptCommand(), "push", file("x.rb", "").toString(),
        "--path", "u/admin/x");
    Result badPath = cli(new ScriptCommand(), "push", file("x.py", "# log\n").toString(),
        "--path", "u/admin/bad path");
    Result syntax = cli(new ScriptCommand(), "push", file("y.py", "# syntax-error bad indent\n")
        .toString(), "--path", "u/admin/y");

    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("script file not found: " + files.resolve("nope.py"));
    assertThat(extension.code()).isEqualTo(2);
    assertThat(extension.err()).contains("cannot tell the language of");
    assertThat(badPath.code()).isEqualTo(1);
    assertThat(badPath.err()).isEqualTo("error: invalid path 'u/admin/bad path': segment "
        + "'bad path' has a character outside [A-Za-z0-9_-]; a path looks like u/<user>/<name>"
        + " or f/<folder>/<name>\n");
    assertThat(syntax.code()).isEqualTo(1);
    assertThat(syntax.err()).isEqualTo(
        "error: script u/admin/y cannot be run: line 1: bad indent\n");
  }

  @Test
  void schedules_are_created_listed_disabled_and_enabled() throws Exception {
    api.push("u/admin/sched_target", "bash", "# param n integer 1\n");

    Result create = cli(new ScheduleCommand(), "create", "--path", "u/admin/yearly",
        "--script", "u/admin/sched_target", "--cron", "0 0 0 1 1 *", "--args", "{\"n\": 2}",
        "--disabled");
    Result list = cli(new ScheduleCommand(), "list");
    Result enable = cli(new ScheduleCommand(), "enable", "u/admin/yearly");
    Result disable = cli(new ScheduleCommand(), "disable", "u/admin/yearly");

    assertThat(create.code()).isZero();
    assertThat(create.out()).isEqualTo("created schedule u/admin/yearly (disabled)\n");
    assertThat(list.out()).contains("PATH", "u/admin/yearly  u/admin/sched_target  0 0 0 1 1 *"
        + "  Etc/UTC   false");
    assertThat(enable.out()).isEqualTo("enabled schedule u/admin/yearly\n");
    assertThat(disable.out()).isEqualTo("disabled schedule u/admin/yearly\n");
    assertThat(api.json("/api/w/demo/schedules/get/u/admin/yearly").get("args").toString())
        .isEqualTo("{\"n\":2}");
  }

  @Test
  void schedule_errors_show_the_servers_text_or_name_the_bad_json() throws Exception {
    api.push("u/admin/sched_bad", "bash", "# param n integer 1\n");

    Result badCron = cli(new ScheduleCommand(), "create", "--path", "u/admin/bad_cron",
        "--script", "u/admin/sched_bad", "--cron", "every minute");
    Result badJson = cli(new ScheduleCommand(), "create", "--path", "u/admin/bad_json",
        "--script", "u/admin/sched_bad", "--cron", "* * * * * *", "--args", "{n: 2}");
    Result unknown = cli(new ScheduleCommand(), "enable", "u/admin/no_such_schedule");

    assertThat(badCron.code()).isEqualTo(1);
    assertThat(badCron.err()).startsWith("error: ").contains("every minute");
    assertThat(badJson.code()).isEqualTo(2);
    assertThat(badJson.err()).contains("invalid --args '{n: 2}': not valid JSON");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo(
        "error: schedule u/admin/no_such_schedule not found in workspace demo\n");
  }

  @Test
  void run_without_wait_prints_the_job_id() throws Exception {
    api.push("u/admin/quick", "python3", "# param n integer\n");

    Result r = cli(new RunCommand(), "u/admin/quick", "--args", "{\"n\": 5}");

    assertThat(r.code()).isZero();
    assertThat(api.awaitCompleted(r.out().strip()).get("result").toString())
        .isEqualTo("{\"args\":{\"n\":5}}");
  }

  @Test
  void run_wait_streams_the_log_while_the_job_runs_then_prints_the_result() throws Exception {
    ScriptedRuntime bash = api.runtime(Language.BASH);
    api.push("u/admin/streamed", "bash", "# log before\n# hold\n# log after\n"
        + "# result {\"ok\": true}\n");

    CompletableFuture<Result> running = CompletableFuture.supplyAsync(
        () -> cli(new RunCommand(), "u/admin/streamed", "--wait"));
    org.awaitility.Awaitility.await().until(() -> !api.json(
        "/api/w/demo/jobs/list?script_path_exact=u/admin/streamed&running=true").isEmpty());
    bash.release();
    Result r = running.get();

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("before\nafter\n{\"ok\":true}\n");
    assertThat(r.err()).matches("job [0-9a-f-]{36} queued\n");
  }

  @Test
  void run_wait_exits_1_when_the_job_fails() throws Exception {
    api.push("u/admin/broken", "python3", "# log trying\n# fail out of coffee\n");

    Result r = cli(new RunCommand(), "u/admin/broken", "--wait");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).startsWith("trying\n").contains("\"message\":\"out of coffee\"");
    assertThat(r.err()).endsWith("error: job " + r.err().substring(4, 40)
        + " failure: out of coffee\n");
  }

  @Test
  void run_errors_show_the_servers_400_as_is() throws Exception {
    api.push("u/admin/typed", "python3", "# param n integer\n");

    Result badArg = cli(new RunCommand(), "u/admin/typed", "--args", "{\"n\": \"x\"}");
    Result unknown = cli(new RunCommand(), "u/admin/not_there");
    Result notObject = cli(new RunCommand(), "u/admin/typed", "--args", "[1]");

    assertThat(badArg.code()).isEqualTo(1);
    assertThat(badArg.err()).isEqualTo(
        "error: argument 'n' of script u/admin/typed must be an integer, got string \"x\"\n");
    assertThat(unknown.err()).isEqualTo(
        "error: script u/admin/not_there not found in workspace demo\n");
    assertThat(notObject.code()).isEqualTo(2);
    assertThat(notObject.err()).contains("invalid --args '[1]': it must be a JSON object");
  }

  @Test
  void jobs_list_and_logs_show_what_ran() throws Exception {
    api.push("u/admin/logged", "python3", "# log line one\n# log line two\n");
    String id = api.run("u/admin/logged", "{}");
    api.awaitCompleted(id);

    Result list = cli(new JobsCommand(), "list", "--script", "u/admin/logged", "--limit", "5");
    Result logs = cli(new JobsCommand(), "logs", id);
    Result unknown = cli(new JobsCommand(), "logs", "00000000-0000-0000-0000-00000000abcd");

    assertThat(list.out().lines().toList()).hasSize(2);
    assertThat(list.out().lines().skip(1).findFirst().orElseThrow())
        .startsWith(id + "  success  u/admin/logged  -");
    assertThat(logs.out()).isEqualTo("line one\nline two\n");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("error: job 00000000-0000-0000-0000-00000000abcd not "
        + "found in workspace demo\n");
  }

  @Test
  void a_wrong_token_or_no_server_is_a_failure_with_a_clear_message() throws Exception {
    Result wrong = run(new JobsCommand(), "list", "--url", api.url().toString(), "--token", "x");
    Result down = run(new JobsCommand(), "list", "--url", "http://127.0.0.1:1", "--token", "x");

    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.err()).startsWith("error: the server refused the token (401)");
    assertThat(down.code()).isEqualTo(1);
    assertThat(down.err()).startsWith("error: cannot reach the Pushmill API at http://127.0.0.1:1/");
  }

  @Test
  void the_token_comes_from_the_environment_else_the_data_directorys_file() throws Exception {
    Files.createDirectories(files.resolve("data"));
    Files.writeString(files.resolve("data/admin-token"), "from-file\n");
    ClientOptions options = new ClientOptions();
    options.dataDir = files.resolve("data");

    String fromFile = options.resolveToken(java.util.Map.of());
    String fromEnv = options.resolveToken(java.util.Map.of("PUSHMILL_TOKEN", "from-env"));
    options.token = "from-flag";

    assertThat(fromFile).isEqualTo("from-file");
    assertThat(fromEnv).isEqualTo("from-env");
    assertThat(options.resolveToken(java.util.Map.of("PUSHMILL_TOKEN", "from-env")))
        .isEqualTo("from-flag");
  }

  @Test
  void without_any_token_the_command_is_a_usage_error() {
    Result r = run(new JobsCommand(), "list", "--url", api.url().toString(), "--data-dir",
        files.resolve("empty").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no API token: give --token, set PUSHMILL_TOKEN");
  }
}
