package io.pushmill.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real Pushgateway clients against Pushmill: Debian's Python prometheus_client, client_java's
 * PushGateway 1.5.1 (protobuf and text), the curl examples of upstream's README and npm
 * prom-client. Each scenario runs against upstream too; after every request both gateways must
 * show the same normalised scrape and API answer, and Pushmill's must hold the pushed values.
 */
class RealClientsIT {
  private static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
  private static GatewayPair pair;

  @BeforeAll
  static void startGateways() {
    pair = GatewayPair.start(Setup.ADMIN);
  }

  @AfterAll
  static void stopGateways() {
    if (pair != null) {
      pair.close();
    }
  }

  @AfterEach
  void emptyStores() {
    StoreCleaner.empty(pair);
  }

  /** Runs {@code step} against both gateways and returns Pushmill's outcome, equal to upstream's. */
  private static Outcome onBoth(String what, Function<GatewayProcess, String> step) {
    String referenceAnswer = step.apply(pair.reference());
    String candidateAnswer = step.apply(pair.candidate());
    Outcome reference = Outcome.of(pair.reference(), true);
    Outcome candidate = Outcome.of(pair.candidate(), true);
    assertThat(candidateAnswer).as("client's answer from %s for %s", pair.candidate(), what).isEqualTo(referenceAnswer);
    assertThat(candidate).as("%s after %s, compared with upstream", pair.candidate(), what).isEqualTo(reference);
    return candidate;
  }

  @Test
  void debian_python_client_pushes_pushadds_and_deletes_with_base64_grouping_and_a_job_path() {
    String job = "u/admin/random_number_metric_script";
    String group = "{empty=\"\",instance=\"\",job=\"" + job + "\",note=\"a+b\",path=\"/var/tmp\",plain=\"x\"}";

    Outcome pushed = onBoth("push_to_gateway", gw -> python(gw, "push", job));
    assertThat(pushed.scrape())
        .contains("random_number" + group + " 42.5")
        .contains("py_runs_total{empty=\"\",instance=\"\",job=\"" + job + "\",kind=\"batch\",note=\"a+b\"");

    Outcome added = onBoth("pushadd_to_gateway", gw -> python(gw, "pushadd", job));
    assertThat(added.scrape())
        .contains("random_number" + group + " 42.5")
        .contains("py_duration_seconds_count" + group + " 3");

    Outcome deleted = onBoth("delete_from_gateway", gw -> python(gw, "delete", job));
    assertThat(deleted.scrape()).doesNotContain("random_number").doesNotContain("py_duration_seconds");
    assertThat(deleted.api()).contains("\"data\" : [ ]");
  }

  @Test
  void debian_python_client_pushes_its_created_gauges_too() {
    // the _created values are clock readings of the pushing process, so only Pushmill is checked
    String job = "py_created";
    assertThat(python(pair.candidate(), "push", job, Map.of())).isEqualTo("push ok");
    assertThat(python(pair.candidate(), "pushadd", job, Map.of())).isEqualTo("pushadd ok");
    Outcome pushed = Outcome.of(pair.candidate(), true);
    assertThat(pushed.scrape())
        .contains("# TYPE py_runs_created gauge")
        .contains("# TYPE py_duration_seconds_created gauge")
        .contains("py_runs_total{empty=\"\",instance=\"\",job=\"py_created\",kind=\"batch\"");
  }

  private static String python(GatewayProcess gateway, String action, String job) {
    return python(gateway, action, job, Map.of("PROMETHEUS_DISABLE_CREATED_SERIES", "True"));
  }

  private static String python(GatewayProcess gateway, String action, String job, Map<String, String> env) {
    List<String> command =
        List.of(DEBIAN_PYTHON.toString(), resource("python/pusher.py").toString(), "127.0.0.1:" + gateway.port(), action, job);
    return ExternalCommand.run(command, Path.of("."), env, CLIENT_TIMEOUT).requireSuccess(command).output().strip();
  }

  @Test
  void client_java_pushes_protobuf_by_default_and_text_on_request() {
    try (ClientJavaProcess client = ClientJavaProcess.start(resource("java/ClientJavaPusher.java"))) {
      for (String format : List.of("protobuf", "text")) {
        String job = "java/" + format;
        String labels = "instance=\"i1\",job=\"" + job + "\"";
        Outcome pushed = onBoth("client_java push " + format, gw -> client.send("push", gw, format, job));
        assertThat(pushed.scrape())
            .contains("java_jobs_total{" + labels + ",kind=\"batch\",path=\"/opt/jobs\"} 3")
            .contains("java_last_success{" + labels + ",path=\"/opt/jobs\"} 1.5")
            .contains("java_duration_seconds_bucket{" + labels + ",path=\"/opt/jobs\",le=\"1\"} 2");

        Outcome added = onBoth("client_java pushAdd " + format, gw -> client.send("pushAdd", gw, format, job));
        assertThat(added.scrape()).contains("java_duration_seconds_count{" + labels + ",path=\"/opt/jobs\"} 3");

        Outcome deleted = onBoth("client_java delete " + format, gw -> client.send("delete", gw, format, job));
        assertThat(deleted.scrape()).doesNotContain("java_");
      }
    }
  }

  @Test
  void the_curl_examples_of_upstreams_readme_work() {
    Outcome one = onBoth("README single sample", gw -> curl(gw,
        "echo \"some_metric 3.14\" | curl --data-binary @- http://HOST/metrics/job/some_job"));
    assertThat(one.scrape()).contains("some_metric{instance=\"\",job=\"some_job\"} 3.14");

    // The README's next example pushes some_metric as a counter beside the untyped one above:
    // upstream's consistency check refuses that, and so must Pushmill.
    String complex = """
        cat <<EOF | curl --data-binary @- http://HOST/metrics/job/some_job/instance/some_instance
        # TYPE some_metric counter
        some_metric{label="val1"} 42
        # TYPE another_metric gauge
        # HELP another_metric Just an example.
        another_metric 2398.283
        EOF""";
    onBoth("README heredoc beside the untyped some_metric", gw -> curl(gw, complex));
    assertThat(curl(pair.candidate(), complex)).startsWith("400\n" + Compare.CONSISTENCY_PREFIX);

    onBoth("README delete job", gw -> curl(gw, "curl -X DELETE http://HOST/metrics/job/some_job"));
    Outcome typed = onBoth("README heredoc", gw -> curl(gw, complex));
    assertThat(typed.scrape())
        .contains("# HELP another_metric Just an example.")
        .contains("another_metric{instance=\"some_instance\",job=\"some_job\"} 2398.283")
        .contains("some_metric{instance=\"some_instance\",job=\"some_job\",label=\"val1\"} 42");

    Outcome base64 = onBoth("README base64 path", gw -> curl(gw,
        "echo 'some_metric{foo=\"bar\"} 3.14' | curl --data-binary @- "
            + "http://HOST/metrics/job/directory_cleaner/path@base64/$(echo -n '/var/tmp' | base64 | tr '+/' '-_')"));
    assertThat(base64.api()).contains("\"path\" : \"/var/tmp\"");

    Outcome gzip = onBoth("README gzip", gw -> curl(gw,
        "echo \"other_metric 3.14\" | gzip | curl -H 'Content-Encoding: gzip' --data-binary @- "
            + "http://HOST/metrics/job/gzip_job"));
    assertThat(gzip.scrape()).contains("other_metric{instance=\"\",job=\"gzip_job\"} 3.14");

    Outcome deleted = onBoth("README delete instance", gw -> curl(gw,
        "curl -X DELETE http://HOST/metrics/job/some_job/instance/some_instance"));
    assertThat(deleted.scrape()).doesNotContain("job=\"some_job\"").contains("job=\"directory_cleaner\"");

    Outcome wiped = onBoth("README wipe", gw -> curl(gw, "curl -X PUT http://HOST/api/v1/admin/wipe"));
    assertThat(wiped.api()).contains("\"data\" : [ ]");
  }

  /**
   * Runs one README example with {@code HOST} replaced, and answers the HTTP status and body; a
   * consistency error is cut after its prefix (the rest is Go's DTO text, §2.5).
   */
  private static String curl(GatewayProcess gateway, String example) {
    String script =
        example.replace("HOST", "127.0.0.1:" + gateway.port()).replace("curl ", "curl -sS -w '\\n%{http_code}' ");
    List<String> command = List.of("bash", "-c", script);
    String output = ExternalCommand.run(command, Path.of("."), Map.of(), CLIENT_TIMEOUT).requireSuccess(command).output();
    int lastLine = output.lastIndexOf('\n');
    String body = output.substring(0, lastLine);
    int prefix = body.indexOf(Compare.CONSISTENCY_PREFIX);
    String shown = prefix < 0 ? body : body.substring(0, prefix + Compare.CONSISTENCY_PREFIX.length());
    return output.substring(lastLine + 1) + "\n" + shown;
  }

  @Test
  void npm_prom_client_push_adds_pushes_and_deletes_with_a_grouping_key() {
    Path client = NodeClient.installed();
    String job = "node_job";
    String labels = "instance=\"n1\",job=\"" + job + "\"";
    Outcome added = onBoth("prom-client pushAdd", gw -> node(client, gw, "pushAdd", job));
    assertThat(added.scrape())
        .contains("node_jobs_total{" + labels + ",kind=\"batch\",tier=\"front end\"} 2")
        .contains("node_last_success{" + labels + ",tier=\"front end\"} 1.7000000005e+09");

    Outcome pushed = onBoth("prom-client push", gw -> node(client, gw, "push", job));
    assertThat(pushed.scrape())
        .doesNotContain("node_jobs_total")
        .contains("node_duration_seconds_bucket{" + labels + ",tier=\"front end\",le=\"1\"} 2");

    Outcome deleted = onBoth("prom-client delete", gw -> node(client, gw, "delete", job));
    assertThat(deleted.scrape()).doesNotContain("node_");
  }

  private static String node(Path client, GatewayProcess gateway, String action, String job) {
    List<String> command = List.of("node", "push.js", gateway.baseUrl().toString(), action, job);
    return ExternalCommand.run(command, client, Map.of(), CLIENT_TIMEOUT).requireSuccess(command).output().strip();
  }

  static Path resource(String name) {
    try {
      return Path.of(RealClientsIT.class.getResource("/compat/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test resource compat/" + name + " is missing", e);
    }
  }

  /** The npm client, copied to target/ and installed from its lock file on first use. */
  static final class NodeClient {
    private static final Path SOURCE = Path.of("src", "test", "node");
    private static final Path TARGET = Path.of("target", "node-client");

    static Path installed() {
      try {
        Files.createDirectories(TARGET);
        for (String file : List.of("package.json", "package-lock.json", "push.js")) {
          Files.copy(SOURCE.resolve(file), TARGET.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!Files.isDirectory(TARGET.resolve("node_modules").resolve("prom-client"))) {
        List<String> install = List.of("npm", "ci", "--prefix", TARGET.toAbsolutePath().toString(), "--no-audit", "--no-fund");
        ExternalCommand.run(install, Path.of("."), Map.of(), Duration.ofMinutes(3)).requireSuccess(install);
      }
      return TARGET.toAbsolutePath();
    }
  }
}
