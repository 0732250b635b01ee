package io.pushmill.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Checks the files of {@code deploy/} with the real tools, since no Docker engine runs here: every
 * dashboard query through promtool, the Prometheus config through promtool, the compose file
 * through docker-compose; and the tutorial's dashboard against the facts of its companion JSON.
 */
class DeployFilesTest {
  private static final Path ROOT = repositoryRoot();
  private static final Path DEPLOY = ROOT.resolve("deploy");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final List<String> DASHBOARDS =
      List.of("job_metric_dashboard.json", "pushmill_dashboard.json");

  /** What Grafana would put in: a 15-minute dashboard at 1 s resolution, two script paths. */
  private static final Map<String, String> GRAFANA_VARIABLES =
      Map.of(
          "__interval", "1s",
          "__interval_ms", "1000",
          "__rate_interval", "4s",
          "__range", "15m",
          "__range_s", "900",
          "__range_ms", "900000",
          "script_path", "u/admin/random_number_metric_script",
          "path", "(u/admin/random_number_metric_script|f/ops/nightly)");

  /** Issue 3 item 10: the automatic job metrics, the only pushmill_* names a dashboard may use. */
  private static final Set<String> AUTOMATIC_JOB_METRICS =
      Set.of(
          "pushmill_job_runs_total",
          "pushmill_job_duration_seconds",
          "pushmill_job_last_run_timestamp_seconds",
          "pushmill_job_last_success_timestamp_seconds",
          "pushmill_schedule_next_run_timestamp_seconds",
          "pushmill_schedule_skipped_occurrences_total",
          "pushmill_schedule_start_delay_seconds",
          "pushmill_queue_jobs",
          "pushmill_workers");

  private static final String RAW_EXPR = "job_records_processed{exported_job=\"$script_path\"}";
  private static final String INSTANT_EXPR =
      "irate(push_time_seconds{exported_job=\"$script_path\"}[$__interval])"
          + " * job_records_processed{exported_job=\"$script_path\"}"
          + " / irate(push_time_seconds{exported_job=\"$script_path\"}[$__interval])";

  private static JsonNode renderedCompose;

  /** One PromQL expression taken from a dashboard, named so promtool's errors point back to it. */
  record Query(String record, String source, String expr) {}

  record Run(int exitCode, String stdout, String stderr) {
    String output() {
      return stdout + stderr;
    }
  }

  // ---- every query parses

  @Test
  void every_dashboard_query_parses_with_promtool(@TempDir Path dir) throws Exception {
    List<Query> queries = new ArrayList<>();
    for (String name : DASHBOARDS) {
      queries.addAll(queries(name));
    }
    assertThat(queries).hasSizeGreaterThanOrEqualTo(20);

    Run run = promtoolCheckRules(dir, queries);

    String listing =
        queries.stream()
            .map(q -> q.record() + "  (" + q.source() + ")\n    " + q.expr())
            .collect(Collectors.joining("\n"));
    assertThat(run.exitCode())
        .as(
            "promtool check rules failed:\n%s\nThe expressions, after substitution:\n%s",
            run.output(), listing)
        .isZero();
    assertThat(run.output()).contains("SUCCESS: " + queries.size() + " rules found");
  }

  @Test
  void promtool_names_the_expression_that_does_not_parse(@TempDir Path dir) throws Exception {
    var good = new Query("dashboard:probe:good", "probe", "sum(job_records_processed)");
    var bad = new Query("dashboard:probe:bad", "probe", "irate(push_time_seconds[$__interval])");

    Run run = promtoolCheckRules(dir, List.of(good, bad));

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.output()).contains("\"dashboard:probe:bad\"").doesNotContain("probe:good\"");
  }

  @Test
  void grafana_variables_are_replaced_and_unknown_ones_are_refused() {
    String[][] cases = {
      /* 1 */ {"rate(x[$__rate_interval])", "rate(x[4s])"},
      /* 2 */ {
        "x{exported_job=\"$script_path\"}",
        "x{exported_job=\"u/admin/random_number_metric_script\"}"
      },
      /* 3 */ {
        "x{path=~\"${path}\"}", "x{path=~\"(u/admin/random_number_metric_script|f/ops/nightly)\"}"
      },
      /* 4 */ {
        "x{path=~\"${path:regex}\"}[$__range]",
        "x{path=~\"(u/admin/random_number_metric_script|f/ops/nightly)\"}[15m]"
      },
      /* 5 */ {"x[[[__interval]]]", "x[1s]"},
      /* 6 */ {"x{a=~\"b$\"} / $__range_s", "x{a=~\"b$\"} / 900"},
    };
    for (int i = 0; i < cases.length; i++) {
      assertThat(substitute(cases[i][0])).as("case %d", i + 1).isEqualTo(cases[i][1]);
    }
    assertThatThrownBy(() -> substitute("rate(x[$__step])"))
        .hasMessageContaining("$__step")
        .hasMessageContaining("rate(x[$__step])");
  }

  @Test
  void label_values_variable_queries_become_series_selectors() {
    String[][] cases = {
      /* 1 */ {"label_values(exported_job)", "{exported_job!=\"\"}"},
      /* 2 */ {
        "label_values(pushmill_job_runs_total, path)", "pushmill_job_runs_total{path!=\"\"}"
      },
      /* 3 */ {"label_values(up{job=\"a\"},instance)", "up{job=\"a\",instance!=\"\"}"},
      /* 4 */ {"label_values(up{}, instance)", "up{instance!=\"\"}"},
      /* 5 */ {"sum(up)", "sum(up)"},
    };
    for (int i = 0; i < cases.length; i++) {
      assertThat(variableSelector(cases[i][0])).as("case %d", i + 1).isEqualTo(cases[i][1]);
    }
    assertThatThrownBy(() -> variableSelector("label_names()"))
        .hasMessageContaining("label_names()");
  }

  // ---- the dashboards

  @Test
  void tutorial_dashboard_has_the_companion_json_settings_and_variable() throws IOException {
    JsonNode d = dashboard("job_metric_dashboard.json");
    assertThat(d.path("title").asText()).isEqualTo("Job metrics Dashboard");
    assertThat(d.path("refresh").asText()).isEqualTo("5s");
    assertThat(d.at("/time/from").asText()).isEqualTo("now-15m");
    assertThat(d.at("/time/to").asText()).isEqualTo("now");

    JsonNode variable = d.at("/templating/list/0");
    assertThat(d.at("/templating/list").size()).isEqualTo(1);
    assertThat(variable.path("name").asText()).isEqualTo("script_path");
    assertThat(variable.path("type").asText()).isEqualTo("query");
    assertThat(variable.path("hide").asInt()).isEqualTo(1);
    assertThat(variableQuery(variable)).isEqualTo("label_values(exported_job)");
  }

  @Test
  void tutorial_dashboard_panels_have_the_companion_json_queries_and_intervals()
      throws IOException {
    JsonNode d = dashboard("job_metric_dashboard.json");
    assertThat(d.path("panels").size()).isEqualTo(2);
    JsonNode raw = panel(d, "Processed records (raw)");
    assertThat(raw.path("type").asText()).isEqualTo("timeseries");
    assertThat(raw.at("/fieldConfig/defaults/custom/drawStyle").asText()).isEqualTo("line");
    assertThat(raw.path("targets").size()).isEqualTo(1);
    assertThat(raw.at("/targets/0/expr").asText()).isEqualTo(RAW_EXPR);
    assertThat(raw.at("/targets/0/interval").asText()).isEqualTo("5s");
    assertThat(raw.at("/targets/0/range").asBoolean()).isTrue();

    JsonNode instant = panel(d, "Processed records (instant)");
    assertThat(instant.path("type").asText()).isEqualTo("timeseries");
    assertThat(instant.at("/fieldConfig/defaults/custom/drawStyle").asText()).isEqualTo("bars");
    assertThat(instant.at("/fieldConfig/defaults/custom/fillOpacity").asInt()).isEqualTo(100);
    assertThat(instant.at("/fieldConfig/defaults/custom/spanNulls").asBoolean()).isTrue();
    assertThat(instant.path("interval").asText()).isEqualTo("15s");
    assertThat(instant.path("targets").size()).isEqualTo(1);
    assertThat(instant.at("/targets/0/expr").asText()).isEqualTo(INSTANT_EXPR);
    assertThat(instant.at("/targets/0/interval").asText()).isEqualTo("1s");
    assertThat(instant.at("/targets/0/instant").asBoolean()).isTrue();
    assertThat(instant.at("/targets/0/range").asBoolean()).isTrue();
  }

  @Test
  void pushmill_dashboard_shows_the_automatic_job_metrics() throws IOException {
    JsonNode d = dashboard("pushmill_dashboard.json");
    JsonNode variable = d.at("/templating/list/0");
    assertThat(variable.path("name").asText()).isEqualTo("path");
    assertThat(variableQuery(variable)).isEqualTo("label_values(pushmill_job_runs_total, path)");

    List<String> exprs =
        panels(d)
            .flatMap(p -> stream(p.path("targets")))
            .map(t -> t.path("expr").asText())
            .toList();
    List<String> wanted =
        List.of(
            "sum by \\(status\\) \\(rate\\(pushmill_job_runs_total\\{path=~\"\\$path\"}\\[",
            "histogram_quantile\\(0\\.\\d+, sum by \\(le, path\\)"
                + " \\(rate\\(pushmill_job_duration_seconds_bucket\\{path=~\"\\$path\"}",
            "time\\(\\) - .*pushmill_job_last_success_timestamp_seconds",
            "increase\\(pushmill_schedule_skipped_occurrences_total\\[",
            "sum by \\(state\\) \\(pushmill_queue_jobs\\)",
            "sum\\(pushmill_workers\\)",
            "histogram_quantile\\(0\\.\\d+, .*pushmill_schedule_start_delay_seconds_bucket",
            "pushmill_schedule_next_run_timestamp_seconds\\) - time\\(\\)");
    for (String regex : wanted) {
      assertThat(exprs)
          .as("an expression matching %s", regex)
          .anyMatch(e -> Pattern.compile(regex).matcher(e).find());
    }

    Set<String> used = new TreeSet<>();
    exprs.forEach(
        e ->
            Pattern.compile("pushmill_\\w+")
                .matcher(e)
                .results()
                .forEach(m -> used.add(m.group())));
    assertThat(used)
        .as("pushmill_* names in the dashboard, each one of issue 3's automatic job metrics")
        .allSatisfy(
            name ->
                assertThat(name.replaceFirst("_(bucket|sum|count)$", ""))
                    .isIn(AUTOMATIC_JOB_METRICS));
  }

  @Test
  void every_panel_query_and_variable_uses_the_provisioned_datasource() throws IOException {
    JsonNode provisioned =
        YAML.readTree(DEPLOY.resolve("grafana/provisioning/datasources/datasource.yml").toFile());
    String uid = provisioned.at("/datasources/0/uid").asText();
    assertThat(uid).isEqualTo("prometheus");
    for (String name : DASHBOARDS) {
      JsonNode d = dashboard(name);
      List<JsonNode> users = new ArrayList<>();
      panels(d)
          .forEach(
              p -> {
                users.add(p);
                stream(p.path("targets")).forEach(users::add);
              });
      stream(d.at("/templating/list")).forEach(users::add);
      assertThat(users)
          .as(name)
          .isNotEmpty()
          .allSatisfy(
              n -> {
                assertThat(n.at("/datasource/uid").asText())
                    .as("%s: datasource of %s", name, n)
                    .isEqualTo(uid);
                assertThat(n.at("/datasource/type").asText()).isEqualTo("prometheus");
              });
    }
  }

  // ---- provisioning, Prometheus, compose, image

  @Test
  void grafana_provisioning_points_at_the_prometheus_service_and_the_mounted_dashboards()
      throws Exception {
    JsonNode ds =
        YAML.readTree(DEPLOY.resolve("grafana/provisioning/datasources/datasource.yml").toFile());
    assertThat(ds.path("datasources").size()).isEqualTo(1);
    JsonNode prometheus = ds.at("/datasources/0");
    assertThat(prometheus.path("name").asText()).isEqualTo("Prometheus");
    assertThat(prometheus.path("type").asText()).isEqualTo("prometheus");
    assertThat(prometheus.path("url").asText()).isEqualTo("http://prometheus:9090");
    assertThat(prometheus.path("access").asText()).isEqualTo("proxy");
    assertThat(prometheus.path("isDefault").asBoolean()).isTrue();

    JsonNode providers =
        YAML.readTree(DEPLOY.resolve("grafana/provisioning/dashboards/dashboards.yml").toFile());
    assertThat(providers.at("/providers/0/type").asText()).isEqualTo("file");
    String dashboardsPath = providers.at("/providers/0/options/path").asText();

    Map<String, Path> grafanaMounts = mounts(compose().at("/services/grafana"));
    assertThat(grafanaMounts.get(dashboardsPath)).isEqualTo(DEPLOY.resolve("grafana/dashboards"));
    assertThat(grafanaMounts.get("/etc/grafana/provisioning"))
        .isEqualTo(DEPLOY.resolve("grafana/provisioning"));
    assertThat(grafanaMounts.get("/etc/grafana/grafana.ini"))
        .isEqualTo(DEPLOY.resolve("grafana/grafana.ini"));

    Map<String, String> ini = ini(DEPLOY.resolve("grafana/grafana.ini"));
    assertThat(ini)
        .containsEntry("security.admin_user", "pushmill")
        .containsKey("security.admin_password");
    assertThat(ini.get("dashboards.default_home_dashboard_path"))
        .isEqualTo(dashboardsPath + "/job_metric_dashboard.json");
  }

  @Test
  void prometheus_scrapes_the_gateway_every_second_without_honor_labels() throws Exception {
    Path config = DEPLOY.resolve("prometheus/prometheus.yml");
    JsonNode p = YAML.readTree(config.toFile());
    assertThat(p.at("/global/scrape_interval").asText()).isEqualTo("1s");
    assertThat(p.at("/global/external_labels/env").asText()).isEqualTo("infrastructure");

    JsonNode gateway = scrapeJob(p, "prometheus_gateway");
    assertThat(gateway.path("scrape_interval").asText()).isEqualTo("1s");
    assertThat(gateway.path("honor_labels").asBoolean(false))
        .as("honor_labels must stay false, so a pushed job label shows as exported_job")
        .isFalse();
    assertThat(stream(gateway.at("/static_configs/0/targets")).map(JsonNode::asText))
        .containsExactly("pushmill_server:9091");

    JsonNode workers = scrapeJob(p, "pushmill_workers").at("/dns_sd_configs/0");
    assertThat(stream(workers.path("names")).map(JsonNode::asText))
        .containsExactly("pushmill_worker");
    assertThat(workers.path("type").asText()).isEqualTo("A");
    assertThat(workers.path("port").asInt()).isEqualTo(9100);

    Run check =
        run(
            List.of(
                tool("promtool", "prometheus").toString(), "check", "config", config.toString()));
    assertThat(check.exitCode()).as("promtool check config:\n%s", check.output()).isZero();
    assertThat(mounts(compose().at("/services/prometheus")).get("/etc/prometheus/prometheus.yml"))
        .isEqualTo(config);
  }

  @Test
  void compose_config_renders_five_services_three_workers_and_the_tutorial_ports()
      throws Exception {
    JsonNode services = compose().path("services");
    assertThat(fieldNames(services))
        .containsExactlyInAnyOrder(
            "db", "pushmill_server", "pushmill_worker", "prometheus", "grafana");
    assertThat(services.at("/pushmill_worker/deploy/replicas").asInt()).isEqualTo(3);

    Set<Integer> published = new TreeSet<>();
    stream(services)
        .forEach(s -> stream(s.path("ports")).forEach(port -> published.add(publishedPort(port))));
    assertThat(published).containsExactlyInAnyOrder(8000, 9090, 9091, 3000);

    assertThat(
            stream(services.at("/pushmill_server/networks/default/aliases")).map(JsonNode::asText))
        .contains("prometheus_gateway");
    for (String name : List.of("pushmill_server", "pushmill_worker")) {
      assertThat(Path.of(services.at("/" + name + "/build/context").asText())).isEqualTo(ROOT);
      assertThat(services.at("/" + name + "/build/dockerfile").asText())
          .isEqualTo("deploy/Dockerfile");
    }
    assertThat(services.at("/pushmill_server/depends_on/db/condition").asText())
        .isEqualTo("service_healthy");
    assertThat(stream(services).map(s -> s.path("image").asText()))
        .allSatisfy(
            image ->
                assertThat(image)
                    .matches("[\\w./-]+:[\\w.-]+")
                    .doesNotEndWith(":latest")
                    .doesNotEndWith(":main"));
  }

  @Test
  void the_server_installs_the_demo_and_persists_the_gateway_and_pushmill_parses_every_command()
      throws Exception {
    JsonNode services = compose().path("services");
    List<String> server =
        stream(services.at("/pushmill_server/command")).map(JsonNode::asText).toList();
    List<String> worker =
        stream(services.at("/pushmill_worker/command")).map(JsonNode::asText).toList();

    assertThat(server)
        .startsWith("server")
        .contains(
            "--demo",
            "--demo.gateway-url=http://prometheus_gateway:9091",
            "--persistence.file=/data/gateway.persistence")
        .doesNotContain("--push.schedule-ttl");
    assertThat(worker).startsWith("worker");
    for (List<String> command : List.of(server, worker)) {
      CommandLine.ParseResult parsed =
          io.pushmill.server.Main.commandLine().parseArgs(command.toArray(String[]::new));
      assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(command.getFirst());
    }
  }

  @Test
  void dockerfile_copies_every_module_and_the_jar_the_server_module_packages() throws IOException {
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
    String parentPom = Files.readString(ROOT.resolve("pom.xml"));
    String serverPom = Files.readString(ROOT.resolve("pushmill-server/pom.xml"));

    List<String> modules =
        Pattern.compile("<module>([^<]+)</module>")
            .matcher(parentPom)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(modules)
        .isNotEmpty()
        .allSatisfy(m -> assertThat(dockerfile).contains("COPY " + m + " " + m));
    assertThat(dockerfile)
        .contains(
            "FROM eclipse-temurin:25-jdk",
            "FROM eclipse-temurin:25-jre",
            "--mount=type=cache,target=/root/.m2")
        .contains("./mvnw -B -DskipTests", "python3-prometheus-client", "\nUSER ")
        .contains("pushmill-server/target/pushmill.jar", "pushmill-server/target/lib/")
        .contains(
            "\"-jar\", \"/opt/pushmill/pushmill.jar\"]",
            "CMD [\"server\"]",
            "EXPOSE 8000 9091 9100");
    assertThat(serverPom)
        .contains(
            "<finalName>pushmill</finalName>",
            "<outputDirectory>${project.build.directory}/lib</outputDirectory>");
    assertThat(Files.readAllLines(ROOT.resolve(".dockerignore")))
        .contains(".git", "**/target/", "**/node_modules/", "data/");
  }

  // ---- helpers: dashboards

  private static JsonNode dashboard(String name) throws IOException {
    return JSON.readTree(DEPLOY.resolve("grafana/dashboards").resolve(name).toFile());
  }

  private static Stream<JsonNode> panels(JsonNode container) {
    return stream(container.path("panels")).flatMap(p -> Stream.concat(Stream.of(p), panels(p)));
  }

  private static JsonNode panel(JsonNode dashboard, String title) {
    return panels(dashboard)
        .filter(p -> p.path("title").asText().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no panel titled \"" + title + "\""));
  }

  private static List<Query> queries(String dashboardName) throws IOException {
    JsonNode d = dashboard(dashboardName);
    String stem = dashboardName.replace(".json", "");
    List<Query> queries = new ArrayList<>();
    panels(d)
        .forEach(
            p ->
                stream(p.path("targets"))
                    .filter(t -> !t.path("expr").asText().isBlank())
                    .forEach(
                        t ->
                            queries.add(
                                new Query(
                                    "dashboard:"
                                        + stem
                                        + ":panel_"
                                        + p.path("id").asInt()
                                        + "_"
                                        + t.path("refId").asText(),
                                    dashboardName
                                        + " panel \""
                                        + p.path("title").asText()
                                        + "\" target "
                                        + t.path("refId").asText(),
                                    substitute(t.path("expr").asText())))));
    stream(d.at("/templating/list"))
        .filter(v -> v.path("type").asText().equals("query"))
        .forEach(
            v ->
                queries.add(
                    new Query(
                        "dashboard:" + stem + ":variable_" + v.path("name").asText(),
                        dashboardName + " variable $" + v.path("name").asText(),
                        substitute(variableSelector(variableQuery(v))))));
    return queries;
  }

  private static String variableQuery(JsonNode variable) {
    JsonNode query = variable.path("query");
    return query.isObject() ? query.path("query").asText() : query.asText();
  }

  /** Grafana's variable functions are not PromQL: check the series selector they stand for. */
  static String variableSelector(String query) {
    Matcher m =
        Pattern.compile("label_values\\((?:(.*),\\s*)?(\\w+)\\s*\\)").matcher(query.strip());
    if (!m.matches()) {
      if (query.strip().matches("(label_names|metrics|query_result)\\(.*")) {
        throw new IllegalArgumentException("no PromQL check for the Grafana function in: " + query);
      }
      return query.strip();
    }
    String selector = Optional.ofNullable(m.group(1)).map(String::strip).orElse("");
    String matcher = m.group(2) + "!=\"\"";
    if (!selector.endsWith("}")) {
      return selector + "{" + matcher + "}";
    }
    String inside = selector.substring(selector.indexOf('{') + 1, selector.length() - 1).strip();
    return selector.substring(0, selector.indexOf('{'))
        + "{"
        + (inside.isEmpty() ? "" : inside + ",")
        + matcher
        + "}";
  }

  /** Replaces $name, ${name}, ${name:format} and [[name]] with GRAFANA_VARIABLES' values. */
  static String substitute(String expr) {
    Matcher m =
        Pattern.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\[\\[(\\w+)(?::[^]]*)?]]|\\$(\\w+)")
            .matcher(expr);
    return m.replaceAll(
        match -> {
          String name =
              Stream.of(match.group(1), match.group(2), match.group(3))
                  .filter(g -> g != null)
                  .findFirst()
                  .orElseThrow();
          String value = GRAFANA_VARIABLES.get(name);
          if (value == null) {
            throw new IllegalArgumentException(
                "unknown Grafana variable $"
                    + name
                    + " in: "
                    + expr
                    + " (give it a value in GRAFANA_VARIABLES)");
          }
          return Matcher.quoteReplacement(value);
        });
  }

  private static Run promtoolCheckRules(Path dir, List<Query> queries) throws Exception {
    var rules = queries.stream().map(q -> Map.of("record", q.record(), "expr", q.expr())).toList();
    Path file = dir.resolve("dashboard-queries.rules.yml");
    YAML.writeValue(
        file.toFile(), Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules))));
    return run(
        List.of(tool("promtool", "prometheus").toString(), "check", "rules", file.toString()));
  }

  // ---- helpers: compose and config files

  private static synchronized JsonNode compose() throws Exception {
    if (renderedCompose == null) {
      List<String> command = new ArrayList<>(composeCommand());
      command.addAll(List.of("-f", DEPLOY.resolve("compose.yaml").toString(), "config"));
      Run run = run(command);
      assertThat(run.exitCode()).as("%s:\n%s", String.join(" ", command), run.stderr()).isZero();
      renderedCompose = YAML.readTree(run.stdout());
    }
    return renderedCompose;
  }

  /** docker-compose 1.x (Debian's, used in CI), else Compose v2 if this machine has it. */
  private static List<String> composeCommand() throws Exception {
    Optional<Path> v1 = onPath("docker-compose");
    if (v1.isPresent()) {
      return List.of(v1.get().toString());
    }
    Optional<Path> docker = onPath("docker");
    if (docker.isPresent()
        && run(List.of(docker.get().toString(), "compose", "version")).exitCode() == 0) {
      return List.of(docker.get().toString(), "compose");
    }
    return fail(
        "docker-compose not found on PATH: install the Debian package docker-compose (.ci/run"
            + " does), or Docker Compose v2");
  }

  /** Container path to host path of a service's bind mounts, in v1's short or v2's long form. */
  private static Map<String, Path> mounts(JsonNode service) {
    Map<String, Path> mounts = new HashMap<>();
    for (JsonNode volume : (Iterable<JsonNode>) stream(service.path("volumes"))::iterator) {
      if (volume.isObject()) {
        mounts.put(volume.path("target").asText(), Path.of(volume.path("source").asText()));
      } else {
        String[] parts = volume.asText().split(":");
        mounts.put(parts[1], Path.of(parts[0]));
      }
    }
    return mounts;
  }

  private static int publishedPort(JsonNode port) {
    if (port.isObject()) {
      return Integer.parseInt(port.path("published").asText());
    }
    String[] parts = port.asText().replaceFirst("/\\w+$", "").split(":");
    return Integer.parseInt(parts[parts.length - 2]);
  }

  private static JsonNode scrapeJob(JsonNode prometheusConfig, String name) {
    return stream(prometheusConfig.path("scrape_configs"))
        .filter(j -> j.path("job_name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no scrape job " + name));
  }

  /** "section.key" to value, for the few lines of grafana.ini. */
  private static Map<String, String> ini(Path file) throws IOException {
    Map<String, String> values = new HashMap<>();
    String section = "";
    for (String line : Files.readAllLines(file)) {
      String l = line.strip();
      if (l.startsWith("[") && l.endsWith("]")) {
        section = l.substring(1, l.length() - 1);
      } else if (!l.isEmpty() && !l.startsWith(";") && !l.startsWith("#") && l.contains("=")) {
        values.put(
            section + "." + l.substring(0, l.indexOf('=')).strip(),
            l.substring(l.indexOf('=') + 1).strip());
      }
    }
    return values;
  }

  // ---- helpers: processes and files

  private static Run run(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("deploy-test", ".out");
    Path err = Files.createTempFile("deploy-test", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(ROOT.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
        fail("%s did not finish within 2 minutes", String.join(" ", command));
      }
      return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static Path tool(String name, String debianPackage) {
    return onPath(name)
        .orElseGet(
            () ->
                fail(
                    "%s not found on PATH or in /usr/bin: install the Debian package %s (.ci/run"
                        + " does)",
                    name, debianPackage));
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * The checkout's root: the nearest ancestor of the working directory with the parent pom and
   * deploy/.
   */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isDirectory(dir.resolve("deploy"))
          && Files.isDirectory(dir.resolve("pushmill-server"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no repository root (pom.xml, deploy/, pushmill-server/) above "
            + Path.of("").toAbsolutePath());
  }

  private static Stream<JsonNode> stream(JsonNode node) {
    return StreamSupport.stream(node.spliterator(), false);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
