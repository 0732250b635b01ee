package io.pushmill.runner.exec.bash;

import static io.pushmill.runner.exec.ExecFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.ExecFixtures;
import io.pushmill.runner.exec.ExecFixtures.RecordingSink;
import io.pushmill.runner.exec.ExecutionResult;
import io.pushmill.runner.exec.ExecutionResult.Outcome;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LanguageRuntimes;
import io.pushmill.runner.exec.ScriptSyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BashRuntimeTest {
  @TempDir Path tmp;
  private LanguageRuntime bash;

  @BeforeEach
  void setUp() {
    bash = LanguageRuntimes.create(ExecFixtures.config(tmp)).runtime(Language.BASH);
  }

  private ExecutionResult run(String script, String args, RecordingSink sink) {
    return bash.execute(request(Language.BASH, script, args), sink, Cancellation.never());
  }

  @Test
  void args_are_passed_positionally_in_declared_order_with_defaults_filled_by_the_script() {
    String script =
        """
        name="$1"
        count="$2"
        greeting="${3:-hello}"
        echo "$greeting $name x$count"
        """;
    RecordingSink sink = new RecordingSink();

    ExecutionResult result = run(script, "{\"count\": 3, \"name\": \"Ada Lovelace\"}", sink);

    assertThat(sink.text()).isEqualTo("hello Ada Lovelace x3\n");
    assertThat(result)
        .isEqualTo(
            new ExecutionResult(
                Outcome.SUCCESS,
                OptionalInt.of(0),
                Optional.of("\"hello Ada Lovelace x3\""),
                Optional.empty()));
  }

  @Test
  void non_string_args_are_passed_as_json_text() {
    ExecutionResult result =
        run("a=\"$1\"\necho \"$a\"", "{\"a\": {\"k\": [1, true]}}", new RecordingSink());

    assertThat(result.resultJson()).contains("\"{\\\"k\\\":[1,true]}\"");
  }

  @Test
  void a_result_json_file_is_the_result() {
    ExecutionResult result =
        run("echo noise\necho '{\"n\": 1, \"ok\": true}' > result.json", "{}", new RecordingSink());

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.resultJson()).contains("{\"n\":1,\"ok\":true}");
  }

  @Test
  void an_invalid_result_json_fails_the_job_with_the_reason() {
    ExecutionResult result = run("echo '{broken' > result.json", "{}", new RecordingSink());

    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.error().orElseThrow()).startsWith("result.json is not valid JSON: ");
    assertThat(result.resultJson().orElseThrow()).contains("\"name\":\"InvalidResult\"");
  }

  @Test
  void set_e_stops_the_script_at_the_first_failing_command() {
    RecordingSink sink = new RecordingSink();
    ExecutionResult result = run("echo before\nfalse\necho after", "{}", sink);

    assertThat(sink.text()).isEqualTo("before\n");
    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.exitCode()).hasValue(1);
    assertThat(result.error()).contains("exit code 1: before");
    assertThat(result.resultJson().orElseThrow())
        .isEqualTo("{\"error\":{\"name\":\"ExecutionErr\",\"message\":\"exit code 1: before\"}}");
  }

  @Test
  void error_line_numbers_match_the_script() {
    RecordingSink sink = new RecordingSink();
    run("true\nno_such_command_xyz", "{}", sink);

    assertThat(sink.text()).contains("main.sh: line 2: no_such_command_xyz: command not found");
  }

  @Test
  void a_timeout_is_reported_with_its_duration() {
    ExecutionResult result =
        bash.execute(
            request(Language.BASH, "sleep 1000", "{}", Duration.ofMillis(300)),
            new RecordingSink(),
            Cancellation.never());

    assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
    assertThat(result.error()).contains("timeout after 300ms");
  }

  @Test
  void the_job_directory_is_deleted_afterwards() throws Exception {
    run("echo hi > file.txt", "{}", new RecordingSink());

    try (Stream<Path> left = Files.list(tmp.resolve("jobs"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void analysis_reads_the_parameters() throws Exception {
    assertThat(bash.analyse("a=\"$1\"\nb=\"${2:-x}\"\necho").params())
        .extracting(p -> p.name() + ":" + p.required())
        .containsExactly("a:true", "b:false");
  }

  @Test
  void a_syntax_error_is_reported_with_its_line() {
    assertThatThrownBy(() -> bash.analyse("echo ok\nif true; then\n  echo x\nfi fi\n"))
        .isInstanceOf(ScriptSyntaxException.class)
        .hasMessageStartingWith("bash syntax error at line 4: syntax error near unexpected token");
  }
}
