package io.pushmill.runner.exec.java;

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
import io.pushmill.runner.exec.LanguageRuntimes;
import io.pushmill.runner.exec.ScriptSyntaxException;
import io.pushmill.runner.exec.process.OutputLimits;
import io.pushmill.runner.exec.support.Json;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java jobs: in-process compilation with a disk cache, child JVMs running our launcher. */
class JavaRuntimeIT {
  private static final String SCRIPT =
      """
      import java.util.*;

      public class Report {
        public static Object main(String name, int count, double ratio, boolean loud,
            List<Integer> values, Map<String, Object> extra, Long optional) {
          int sum = 0;
          for (int v : values) {
            sum += v;
          }
          System.out.println("hello " + name);
          System.err.println("ünïcode on stderr");
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("greeting", loud ? name.toUpperCase() : name);
          out.put("scaled", count * ratio);
          out.put("sum", sum);
          out.put("extra", extra);
          out.put("optional", optional);
          return out;
        }
      }
      """;

  @TempDir Path tmp;
  private JavaRuntime java;

  @BeforeEach
  void setUp() {
    java = (JavaRuntime) LanguageRuntimes.create(ExecFixtures.config(tmp)).runtime(Language.JAVA);
  }

  @Test
  void a_class_is_compiled_and_main_runs_with_typed_args_returning_a_map() throws Exception {
    assertThat(java.analyse(SCRIPT).params())
        .extracting(p -> p.name() + ":" + p.type().jsonName() + ":" + p.required())
        .containsExactly(
            "name:string:true",
            "count:integer:true",
            "ratio:number:true",
            "loud:boolean:true",
            "values:array:true",
            "extra:object:true",
            "optional:integer:true");
    RecordingSink log = new RecordingSink();

    ExecutionResult result =
        java.execute(
            request(
                Language.JAVA,
                SCRIPT,
                """
                {"name": "ada", "count": 4, "ratio": 2.5, "loud": true, "values": [1, 2, 3],
                 "extra": {"k": [true, null]}, "optional": null}\
                """),
            log,
            Cancellation.never());

    assertThat(result.outcome()).as(log.text()).isEqualTo(Outcome.SUCCESS);
    assertThat(Json.parse(result.resultJson().orElseThrow()).orElseThrow())
        .isEqualTo(
            Json.parse(
                    "{\"greeting\":\"ADA\",\"scaled\":10.0,\"sum\":6,\"extra\":{\"k\":[true,null]},"
                        + "\"optional\":null}")
                .orElseThrow());
    assertThat(log.text()).isEqualTo("hello ada\nünïcode on stderr\n");
  }

  @Test
  void the_compiled_classes_are_reused_from_memory_and_from_disk() throws Exception {
    java.analyse(SCRIPT);
    String args =
        "{\"name\":\"a\",\"count\":1,\"ratio\":1,\"loud\":false,\"values\":[],"
            + "\"extra\":{},\"optional\":7}";
    java.execute(request(Language.JAVA, SCRIPT, args), new RecordingSink(), Cancellation.never());
    JavaRuntime fresh =
        (JavaRuntime) LanguageRuntimes.create(ExecFixtures.config(tmp)).runtime(Language.JAVA);
    ExecutionResult result =
        fresh.execute(
            request(Language.JAVA, SCRIPT, args), new RecordingSink(), Cancellation.never());

    assertThat(java.compilations()).isEqualTo(1);
    assertThat(fresh.compilations()).isZero();
    assertThat(result.resultJson().orElseThrow()).contains("\"optional\":7");
  }

  @Test
  void an_exception_fails_the_job_with_the_error_object_and_the_stack_trace_in_the_log() {
    String script =
        """
        public class Boom {
          public static Object main(int n) {
            throw new IllegalStateException("boom " + n);
          }
        }
        """;
    RecordingSink log = new RecordingSink();
    ExecutionResult result =
        java.execute(request(Language.JAVA, script, "{\"n\": 3}"), log, Cancellation.never());

    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.exitCode()).hasValue(1);
    assertThat(result.error()).contains("IllegalStateException: boom 3");
    JsonNode error = Json.parse(result.resultJson().orElseThrow()).orElseThrow().path("error");
    assertThat(error.path("message").asText()).isEqualTo("boom 3");
    assertThat(log.text())
        .contains("java.lang.IllegalStateException: boom 3")
        .contains("at Boom.main(Script.java:3)");
  }

  @Test
  void an_arg_of_the_wrong_type_fails_with_the_parameter_named() {
    String script = "public class T { public static Object main(int n) { return n; } }";
    ExecutionResult result =
        java.execute(
            request(Language.JAVA, script, "{\"n\": \"x\"}"),
            new RecordingSink(),
            Cancellation.never());

    assertThat(result.error())
        .contains("IllegalArgumentException: argument n must be an integer, got x");
  }

  @Test
  void a_compile_error_is_reported_with_its_line() {
    assertThatThrownBy(
            () ->
                java.analyse(
                    "public class Bad {\n"
                        + "  public static Object main() {\n"
                        + "    return undefinedName;\n"
                        + "  }\n"
                        + "}\n"))
        .isInstanceOf(ScriptSyntaxException.class)
        .hasMessage("java compile error at line 3: cannot find symbol");
    assertThatThrownBy(() -> java.analyse("public class Bad {\n  int x = ;\n}\n"))
        .hasMessageStartingWith("java compile error at line 2: illegal start of expression");
  }

  @Test
  void a_class_without_main_or_with_unsupported_parameters_is_rejected() {
    assertThatThrownBy(() -> java.analyse("public class A { public Object run() { return 1; } }"))
        .isInstanceOf(ScriptSyntaxException.class)
        .hasMessage("the script has no class with a public static method main");
    assertThatThrownBy(
            () ->
                java.analyse(
                    "public class A { public static Object main(Thread t) { return 1; } }"))
        .hasMessageStartingWith(
            "parameter t of main has type java.lang.Thread, which args cannot carry");
  }

  @Test
  void a_timeout_ends_the_child_jvm() {
    String script =
        """
        public class Slow {
          public static Object main() throws Exception {
            Thread.sleep(1_000_000);
            return null;
          }
        }
        """;
    ExecutionResult result =
        java.execute(
            request(Language.JAVA, script, "{}", Duration.ofSeconds(3)),
            new RecordingSink(),
            Cancellation.never());

    assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
    assertThat(result.error()).contains("timeout after 3s");
  }

  @Test
  void output_limits_apply_to_java_jobs_too() {
    java =
        (JavaRuntime)
            LanguageRuntimes.create(
                    ExecFixtures.config(tmp).withOutputLimits(new OutputLimits(5, 100)))
                .runtime(Language.JAVA);
    RecordingSink log = new RecordingSink();
    java.execute(
        request(
            Language.JAVA,
            "public class P { public static Object main() { System.out.println(\"0123456789\");"
                + " return 1; } }",
            "{}"),
        log,
        Cancellation.never());

    assertThat(log.text()).isEqualTo("01234\n[pushmill: log truncated after 5 characters]\n");
  }
}
