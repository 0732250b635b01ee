import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * Pushes with client_java's PushGateway 1.5.1. Run as a source-file program on a classpath of
 * the 1.5.1 jars only. Reads commands from stdin, one a line: {@code <push|pushAdd|delete>
 * <host:port> <protobuf|text> <job>}, and answers each with {@code ok} or {@code error <text>}.
 */
public class ClientJavaPusher {
  public static void main(String[] args) throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    Counter jobs =
        Counter.builder().name("java_jobs").help("Jobs run.").labelNames("kind").register(registry);
    jobs.labelValues("batch").inc(3);
    Gauge last = Gauge.builder().name("java_last_success").help("Last success.").register(registry);
    last.set(1.5);
    Histogram duration =
        Histogram.builder()
            .name("java_duration_seconds")
            .help("Durations.")
            .classicOnly()
            .classicUpperBounds(0.1, 1)
            .register(registry);
    for (double value : new double[] {0.05, 0.5, 5}) {
      duration.observe(value);
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    System.out.println("ready");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] command = line.trim().split(" ");
      try {
        PushGateway gateway =
            PushGateway.builder()
                .address(command[1])
                .job(command[3])
                .groupingKey("instance", "i1")
                .groupingKey("path", "/opt/jobs")
                .format(command[2].equals("text") ? Format.PROMETHEUS_TEXT : Format.PROMETHEUS_PROTOBUF)
                .registry(registry)
                .build();
        switch (command[0]) {
          case "push" -> gateway.push();
          case "pushAdd" -> gateway.pushAdd();
          case "delete" -> gateway.delete();
          default -> throw new IllegalArgumentException("unknown command " + command[0]);
        }
        System.out.println("ok");
      } catch (Exception e) {
        System.out.println("error " + e.toString().replace('\n', ' '));
      }
    }
  }
}
