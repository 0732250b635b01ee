package io.pushmill.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.gateway.http.metrics.GatewayMetrics;
import io.pushmill.gateway.store.DefaultMetricStore;
import io.pushmill.gateway.store.StoreOptions;
import io.pushmill.gateway.store.StorePersistence;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The {@code curl} examples of upstream's README, run with the real {@code curl} against a real
 * socket, in the README's order. {@code $GW} stands for the gateway's base URL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeCurlIT {
  private static DefaultMetricStore store;
  private static GatewayServer server;
  private static String gw;

  @BeforeAll
  static void start() throws Exception {
    GatewayMetrics metrics = GatewayMetrics.create(GatewayTester.BUILD);
    store = new DefaultMetricStore(StorePersistence.none(), metrics, StoreOptions.defaults());
    GatewayOptions options =
        GatewayTester.options().withListenAddresses(List.of("127.0.0.1:0")).withApis(true, false);
    server = GatewayServer.create(store, metrics, options);
    server.start();
    gw = server.uris().getFirst().toString().replaceAll("/$", "");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
    store.close();
  }

  /** Runs a shell command with {@code $GW} set; returns stdout. */
  private static String sh(String command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -o pipefail; " + command);
    pb.environment().put("GW", gw);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("finished: " + command).isTrue();
    return out;
  }

  private static String status(String curlArgs) throws Exception {
    return sh("curl -s -o /dev/null -w '%{http_code}' " + curlArgs);
  }

  @Test
  @Order(1)
  void push_a_single_sample() throws Exception {
    assertThat(status("--data-binary @- $GW/metrics/job/some_job <<< 'some_metric 3.14'"))
        .isEqualTo("200");
    assertThat(sh("curl -s $GW/metrics"))
        .contains("some_metric{instance=\"\",job=\"some_job\"} 3.14\n");
  }

  @Test
  @Order(2)
  void delete_all_metrics_of_the_job_group() throws Exception {
    assertThat(status("-X DELETE $GW/metrics/job/some_job")).isEqualTo("202");
    assertThat(sh("curl -s $GW/metrics")).doesNotContain("some_metric{");
  }

  @Test
  @Order(3)
  void push_something_more_complex() throws Exception {
    // After the delete above: a counter some_metric beside the untyped one would be refused (400).
    String body =
        """
        cat <<EOF | curl -s -o /dev/null -w '%{http_code}' --data-binary @- $GW/metrics/job/some_job/instance/some_instance
        # TYPE some_metric counter
        some_metric{label="val1"} 42
        # TYPE another_metric gauge
        # HELP another_metric Just an example.
        another_metric 2398.283
        EOF
        """;
    assertThat(sh(body)).isEqualTo("200");
    assertThat(sh("curl -s $GW/metrics"))
        .contains(
            "# HELP another_metric Just an example.\n# TYPE another_metric gauge\n"
                + "another_metric{instance=\"some_instance\",job=\"some_job\"} 2398.283\n")
        .contains("some_metric{instance=\"some_instance\",job=\"some_job\",label=\"val1\"} 42\n");
  }

  @Test
  @Order(4)
  void read_the_json_api() throws Exception {
    assertThat(sh("curl -s -X GET $GW/api/v1/status"))
        .startsWith("{\"status\":\"success\",\"data\":{\"build_information\":");
    assertThat(sh("curl -s -X GET $GW/api/v1/metrics"))
        .startsWith("{\"status\":\"success\",\"data\":[")
        .contains("\"labels\":{\"instance\":\"some_instance\",\"job\":\"some_job\"}");
  }

  @Test
  @Order(5)
  void delete_all_metrics_of_the_instance_group() throws Exception {
    assertThat(status("-X DELETE $GW/metrics/job/some_job/instance/some_instance"))
        .isEqualTo("202");
    assertThat(sh("curl -s $GW/metrics")).doesNotContain("another_metric{");
  }

  @Test
  @Order(6)
  void push_with_a_base64_label_value_and_gzipped() throws Exception {
    String encoded = sh("echo -n '/var/tmp' | base64 -w0 | tr '+/' '-_' | tr -d '='");
    assertThat(encoded).isEqualTo("L3Zhci90bXA");

    assertThat(
            status(
                "--data-binary @- $GW/metrics/job/directory_cleaner/path@base64/"
                    + encoded
                    + " <<< 'some_metric{foo=\"bar\"} 3.14'"))
        .isEqualTo("200");
    assertThat(
            sh(
                "echo 'some_metric 3.14' | gzip | curl -s -o /dev/null -w '%{http_code}' "
                    + "-H 'Content-Encoding: gzip' --data-binary @- $GW/metrics/job/some_job"))
        .isEqualTo("200");
    assertThat(sh("curl -s --compressed $GW/metrics"))
        .contains(
            "some_metric{foo=\"bar\",instance=\"\",job=\"directory_cleaner\",path=\"/var/tmp\"}"
                + " 3.14\n")
        .contains("some_metric{instance=\"\",job=\"some_job\"} 3.14\n");
  }

  @Test
  @Order(7)
  void wipe_everything() throws Exception {
    assertThat(status("-X PUT $GW/api/v1/admin/wipe")).isEqualTo("202");
    assertThat(sh("curl -s $GW/api/v1/metrics")).isEqualTo("{\"status\":\"success\",\"data\":[]}");
  }

  @Test
  @Order(8)
  void a_trailing_cr_is_refused_as_the_readme_warns() throws Exception {
    String out = sh("printf 'm 1\\r\\n' | curl -s --data-binary @- $GW/metrics/job/crlf");
    assertThat(out)
        .isEqualTo("text format parsing error in line 1: expected float as value, got \"1\\r\"\n");
  }
}
