package io.pushmill.runner.exec.python;

import static io.pushmill.runner.exec.ExecFixtures.ended;
import static io.pushmill.runner.exec.ExecFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.ExecFixtures;
import io.pushmill.runner.exec.ExecFixtures.RecordingSink;
import io.pushmill.runner.exec.ExecutionResult;
import io.pushmill.runner.exec.ExecutionResult.Outcome;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LanguageRuntimes;
import io.pushmill.runner.exec.Param;
import io.pushmill.runner.exec.ScriptAnalysis;
import io.pushmill.runner.exec.ScriptSyntaxException;
import io.pushmill.runner.exec.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python jobs on the base interpreter: no third-party requirements, so no virtual env. */
class PythonRuntimeTest {
  @TempDir Path tmp;
  private LanguageRuntime python;

  @BeforeEach
  void setUp() {
    python = LanguageRuntimes.create(ExecFixtures.config(tmp)).runtime(Language.PYTHON3);
  }

  private ExecutionResult run(String script, String args, RecordingSink sink) {
    return python.execute(request(Language.PYTHON3, script, args), sink, Cancellation.never());
  }

  private static JsonNode json(ExecutionResult result) {
    return Json.parse(result.resultJson().orElseThrow()).orElseThrow();
  }

  @Test
  void main_is_called_with_the_args_by_name_and_its_return_value_is_the_result() {
    String script =
        """
        def main(name: str, count: int, scale: float = 0.5, tags: list = ("a",)):
            return {"name": name, "total": count * scale, "tags": tags,
                    "nan": float("nan"), "inf": float("-inf"), "raw": b"hi",
                    "pair": (1, 2), "set": {3}, "obj": object.__name__, 7: None}
        """;
    ExecutionResult result =
        run(
            script,
            "{\"name\": \"Ada\", \"count\": 4, \"scale\": 2.5, \"tags\": [\"x\"]}",
            new RecordingSink());

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.exitCode()).hasValue(0);
    assertThat(json(result))
        .isEqualTo(
            Json.parse(
                    """
                    {"name":"Ada","total":10.0,"tags":["x"],"nan":null,"inf":null,"raw":"aGk=",
                     "pair":[1,2],"set":[3],"obj":"object","7":null}\
                    """)
                .orElseThrow());
  }

  @Test
  void a_main_returning_nothing_gives_null_and_other_objects_their_str() {
    assertThat(run("def main():\n    pass\n", "{}", new RecordingSink()).resultJson())
        .contains("null");
    assertThat(
            run(
                    "import decimal\ndef main():\n    return decimal.Decimal('1.5')\n",
                    "{}",
                    new RecordingSink())
                .resultJson())
        .contains("\"1.5\"");
  }

  @Test
  void print_and_stderr_output_arrive_in_the_order_they_were_written() {
    String script =
        """
        import sys
        def main():
            print("one")
            sys.stderr.write("two\\n")
            print("three")
            sys.stderr.write("four\\n")
            return 1
        """;
    RecordingSink sink = new RecordingSink();
    run(script, "{}", sink);

    assertThat(sink.text()).isEqualTo("one\ntwo\nthree\nfour\n");
  }

  @Test
  void an_exception_fails_the_job_with_windmills_error_object_and_the_traceback_in_the_log() {
    String script =
        """
        def helper(x):
            raise ValueError("bad value: " + x)

        def main(x: str):
            helper(x)
        """;
    RecordingSink sink = new RecordingSink();
    ExecutionResult result = run(script, "{\"x\": \"42\"}", sink);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.exitCode()).hasValue(1);
    assertThat(result.error()).contains("ValueError: bad value: 42");
    JsonNode error = json(result).path("error");
    assertThat(error.path("name").asText()).isEqualTo("ValueError");
    assertThat(error.path("message").asText()).isEqualTo("bad value: 42");
    assertThat(error.path("stack").asText()).contains("line 2, in helper");
    assertThat(sink.text())
        .startsWith("Traceback (most recent call last):")
        .contains("pushmill_script.py\", line 5, in main")
        .contains("ValueError: bad value: 42")
        .doesNotContain("pushmill_wrapper.py");
  }

  @Test
  void the_job_sees_exactly_the_requests_environment() {
    ExecutionResult result =
        run("import os\ndef main():\n    return dict(os.environ)\n", "{}", new RecordingSink());

    assertThat(Json.MAPPER.convertValue(json(result), Map.class)).isEqualTo(ExecFixtures.ENV);
  }

  @Test
  void a_timeout_ends_the_processes_the_script_started() throws Exception {
    String script =
        """
        import subprocess, time
        def main():
            child = subprocess.Popen(["sleep", "1000"])
            with open("../child.pid", "w") as f:
                f.write(str(child.pid))
            time.sleep(1000)
        """;
    ExecutionResult result =
        python.execute(
            request(Language.PYTHON3, script, "{}", Duration.ofSeconds(2)),
            new RecordingSink(),
            Cancellation.never());

    assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
    assertThat(result.error()).contains("timeout after 2s");
    long pid = Long.parseLong(Files.readString(tmp.resolve("jobs/child.pid")).strip());
    assertThat(ended(pid)).isTrue();
  }

  @Test
  void processes_a_finished_job_left_running_are_ended() throws Exception {
    String script =
        """
        import subprocess
        def main():
            child = subprocess.Popen(["sleep", "1000"])
            with open("../left.pid", "w") as f:
                f.write(str(child.pid))
            return child.pid
        """;
    ExecutionResult result = run(script, "{}", new RecordingSink());

    long pid = Long.parseLong(Files.readString(tmp.resolve("jobs/left.pid")).strip());
    assertThat(result.resultJson()).contains(Long.toString(pid));
    assertThat(ended(pid)).isTrue();
  }

  @Test
  void a_canceled_job_reports_canceled() {
    RecordingSink sink = new RecordingSink();
    ExecutionResult result =
        python.execute(
            request(
                Language.PYTHON3,
                "import time\ndef main():\n    print('up')\n    time.sleep(1000)\n",
                "{}"),
            sink,
            () -> sink.text().contains("up"));

    assertThat(result.outcome()).isEqualTo(Outcome.CANCELED);
    assertThat(result.error()).contains("canceled");
  }

  @Test
  void a_script_importing_only_the_standard_library_runs_without_a_virtual_env() {
    ExecutionResult result =
        run(
            "import json, os.path\ndef main():\n    return json.dumps([1])\n",
            "{}",
            new RecordingSink());

    assertThat(result.resultJson()).contains("\"[1]\"");
    assertThat(tmp.resolve("cache/python/venvs")).doesNotExist();
  }

  @Test
  void the_job_directory_is_deleted_afterwards() throws Exception {
    run("def main():\n    open('x.txt', 'w').write('x')\n", "{}", new RecordingSink());

    try (Stream<Path> left = Files.list(tmp.resolve("jobs"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void analysis_reads_parameters_types_defaults_and_requirements() throws Exception {
    ScriptAnalysis analysis =
        python.analyse(
            """
            import os, json
            import yaml
            from prometheus_client import Gauge
            from . import sibling
            try:
                import ujson
            except ImportError:
                ujson = None

            def main(a: int, b: float = 1.5, c: str = "x", d: bool = True, e: dict = {"k": 1},
                     f: list[int] = [1], g=None, h: Optional[int] = None, *, i: "str" = os.sep):
                pass
            """);

    assertThat(analysis.params())
        .extracting(PythonRuntimeTest::describe)
        .containsExactly(
            "a:integer:-",
            "b:number:1.5",
            "c:string:\"x\"",
            "d:boolean:true",
            "e:object:{\"k\":1}",
            "f:array:[1]",
            "g::null",
            "h:integer:null",
            "i:string:null");
    assertThat(analysis.requirements()).containsExactly("prometheus-client", "PyYAML");
  }

  private static String describe(Param p) {
    return p.name()
        + ":"
        + p.type().jsonName()
        + ":"
        + p.defaultValue().map(Json::write).orElse("-");
  }

  @Test
  void a_syntax_error_is_reported_with_its_line() {
    assertThatThrownBy(() -> python.analyse("import os\n\ndef main(:\n    pass\n"))
        .isInstanceOf(ScriptSyntaxException.class)
        .hasMessage("python syntax error at line 3, column 10: invalid syntax");
    assertThatThrownBy(() -> python.analyse("def f():\n    pass\nreturn 1\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("'return' outside function");
  }

  @Test
  void a_script_without_main_is_rejected() {
    assertThatThrownBy(() -> python.analyse("def run():\n    pass\n"))
        .isInstanceOf(ScriptSyntaxException.class)
        .hasMessage("the script defines no top-level function main");
  }

  @Test
  void running_a_script_with_a_syntax_error_fails_with_the_reason() {
    ExecutionResult result = run("def main(:\n", "{}", new RecordingSink());

    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.error().orElseThrow()).startsWith("python syntax error at line 1");
  }
}
