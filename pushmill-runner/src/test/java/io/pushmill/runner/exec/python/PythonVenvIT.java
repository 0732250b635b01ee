package io.pushmill.runner.exec.python;

import static io.pushmill.runner.exec.ExecFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.pushmill.runner.exec.Cancellation;
import io.pushmill.runner.exec.ExecFixtures;
import io.pushmill.runner.exec.ExecFixtures.RecordingSink;
import io.pushmill.runner.exec.ExecutionResult;
import io.pushmill.runner.exec.ExecutionResult.Outcome;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.exec.LanguageRuntime;
import io.pushmill.runner.exec.LanguageRuntimes;
import io.pushmill.runner.exec.RuntimeConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python jobs with requirements: virtual environments, system packages, pip. */
class PythonVenvIT {
  private static final String TUTORIAL_SCRIPT =
      """
      import os
      import random
      from prometheus_client import CollectorRegistry, Gauge, push_to_gateway

      PROMETHEUS_GATEWAY_URL = "%s"

      def main():
          job_path = os.environ.get("WM_JOB_PATH")
          registry = CollectorRegistry()
          gauge = Gauge(
              "job_records_processed",
              "Number of records processed for {}".format(job_path),
              registry=registry,
          )
          val = random.randint(0, 100)
          print("Storing metrics value: ", val)
          gauge.set(val)
          push_to_gateway(PROMETHEUS_GATEWAY_URL, job=job_path, registry=registry)
      """;

  @TempDir Path tmp;

  /**
   * Installs go through an index that refuses connections, and nothing from the machine's pip
   * config.
   */
  private RuntimeConfig offline() {
    return ExecFixtures.config(tmp)
        .withInstallEnvironment(
            Map.of(
                "PATH", "/usr/bin:/bin",
                "HOME", tmp.toString(),
                "PIP_CONFIG_FILE", "/dev/null",
                "PIP_INDEX_URL", "http://127.0.0.1:9/simple"));
  }

  @Test
  void the_tutorial_script_runs_in_its_venv_with_the_system_prometheus_client_and_pushes()
      throws Exception {
    List<String> pushes = new CopyOnWriteArrayList<>();
    HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext(
        "/",
        exchange -> {
          pushes.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + "\n"
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    gateway.start();
    try {
      LanguageRuntime python = LanguageRuntimes.create(offline()).runtime(Language.PYTHON3);
      String script = TUTORIAL_SCRIPT.formatted("127.0.0.1:" + gateway.getAddress().getPort());
      RecordingSink first = new RecordingSink();
      RecordingSink second = new RecordingSink();

      ExecutionResult result =
          python.execute(request(Language.PYTHON3, script, "{}"), first, Cancellation.never());
      python.execute(request(Language.PYTHON3, script, "{}"), second, Cancellation.never());

      assertThat(python.analyse(script).requirements()).containsExactly("prometheus-client");
      assertThat(result.outcome()).as(first.text()).isEqualTo(Outcome.SUCCESS);
      assertThat(result.resultJson()).contains("null");
      assertThat(first.text())
          .contains("pushmill: creating the virtual environment for prometheus-client")
          .doesNotContain("installing")
          .contains("Storing metrics value: ");
      assertThat(second.text()).doesNotContain("creating").contains("Storing metrics value: ");
      assertThat(pushes).hasSize(2);
      // prometheus_client puts a job name with slashes into the URL in base64.
      assertThat(pushes.get(0))
          .startsWith("PUT /metrics/job@base64/dS9hZG1pbi9yYW5kb21fbnVtYmVyX21ldHJpY19zY3JpcHQ")
          .contains("job_records_processed");
    } finally {
      gateway.stop(0);
    }
  }

  @Test
  void a_missing_package_with_no_reachable_index_fails_with_a_clear_message() {
    LanguageRuntime python = LanguageRuntimes.create(offline()).runtime(Language.PYTHON3);
    RecordingSink log = new RecordingSink();

    ExecutionResult result =
        python.execute(
            request(
                Language.PYTHON3, "import zz_pushmill_made_up\ndef main():\n    return 1\n", "{}"),
            log,
            Cancellation.never());

    String message =
        "cannot install Python package 'zz_pushmill_made_up': it is not installed"
            + " and no package index could be reached";
    assertThat(result.outcome()).isEqualTo(Outcome.FAILURE);
    assertThat(result.error()).contains(message);
    assertThat(result.resultJson().orElseThrow()).contains("DependencyError").contains(message);
    assertThat(log.text()).contains("installing zz_pushmill_made_up").contains(message);
  }

  @Test
  void a_missing_package_is_installed_into_the_venv_by_pip() throws Exception {
    Path wheels = Files.createDirectories(tmp.resolve("wheels"));
    writeWheel(wheels.resolve("pushmilldemo-1.0-py3-none-any.whl"));
    RuntimeConfig config =
        offline()
            .withInstallEnvironment(
                Map.of(
                    "PATH", "/usr/bin:/bin",
                    "HOME", tmp.toString(),
                    "PIP_CONFIG_FILE", "/dev/null",
                    "PIP_NO_INDEX", "1",
                    "PIP_FIND_LINKS", wheels.toString()));
    LanguageRuntime python = LanguageRuntimes.create(config).runtime(Language.PYTHON3);
    RecordingSink log = new RecordingSink();

    ExecutionResult result =
        python.execute(
            request(
                Language.PYTHON3,
                "# requirements:\n# pushmilldemo==1.0\nimport pushmilldemo\n\n"
                    + "def main():\n    return pushmilldemo.VALUE\n",
                "{}"),
            log,
            Cancellation.never());

    assertThat(result.outcome()).as(log.text()).isEqualTo(Outcome.SUCCESS);
    assertThat(result.resultJson()).contains("42");
    assertThat(log.text())
        .contains("installing pushmilldemo==1.0")
        .contains("Successfully installed pushmilldemo-1.0");
  }

  @Test
  void concurrent_jobs_with_the_same_requirements_create_the_venv_once() throws Exception {
    LanguageRuntime python = LanguageRuntimes.create(offline()).runtime(Language.PYTHON3);
    String script =
        "# requirements:\n# prometheus-client\nimport prometheus_client\n\n"
            + "def main():\n    return prometheus_client.__name__\n";
    List<RecordingSink> logs =
        List.of(new RecordingSink(), new RecordingSink(), new RecordingSink());
    List<Future<ExecutionResult>> results = new java.util.ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (RecordingSink log : logs) {
        results.add(
            pool.submit(
                () ->
                    python.execute(
                        request(Language.PYTHON3, script, "{}"), log, Cancellation.never())));
      }
    }

    for (Future<ExecutionResult> result : results) {
      assertThat(result.get().resultJson()).contains("\"prometheus_client\"");
    }
    assertThat(logs.stream().filter(l -> l.text().contains("creating the virtual environment")))
        .hasSize(1);
  }

  /** A minimal pure-Python wheel: one module and the metadata pip needs. */
  private static void writeWheel(Path file) throws IOException {
    Map<String, String> entries =
        Map.of(
            "pushmilldemo/__init__.py",
            "VALUE = 42\n",
            "pushmilldemo-1.0.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: pushmilldemo\nVersion: 1.0\n",
            "pushmilldemo-1.0.dist-info/WHEEL",
            "Wheel-Version: 1.0\n"
                + "Generator: pushmill-test\n"
                + "Root-Is-Purelib: true\n"
                + "Tag: py3-none-any\n",
            "pushmilldemo-1.0.dist-info/RECORD",
            "pushmilldemo/__init__.py,,\npushmilldemo-1.0.dist-info/METADATA,,\n"
                + "pushmilldemo-1.0.dist-info/WHEEL,,\npushmilldemo-1.0.dist-info/RECORD,,\n");
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
  }
}
