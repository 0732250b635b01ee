package io.pushmill.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.NewSchedule;
import io.pushmill.runner.model.ScriptPath;
import io.pushmill.server.api.auth.Principal;
import io.pushmill.server.testing.ApiFixture;
import io.pushmill.server.testing.ScriptedRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web UI in Debian's headless Chromium, driven by Playwright (its own browser download off):
 * every page loads after the login without a console error, a script run from the UI shows its log
 * as it arrives, a schedule toggles, a group is deleted, and the charts draw. It also keeps
 * screenshots of the main pages in {@code ui.screenshots} (default {@code target/screenshots};
 * {@code bin/ui-screenshots} points it at {@code docs/screenshots}).
 */
class UiBrowserIT {
  static final String TUTORIAL = "u/admin/random_number_metric_script";
  static final String SLOW = "u/admin/nightly_report";
  static final GroupingKey TUTORIAL_GROUP = GroupingKey.of("job", TUTORIAL);
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--headless=new",
      "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync");

  static Path dataDir;
  static UiFixture ui;
  static Playwright playwright;
  static Browser browser;
  static String base;
  static Path screenshots;

  BrowserContext context;
  Page page;
  final List<String> consoleErrors = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium"
          + " (apt-get install chromium; .ci/run does)");
    }
    dataDir = Files.createTempDirectory("pushmill-ui-it");
    ui = UiFixture.startListening(dataDir);
    base = ui.api.url().toString().replaceAll("/$", "");
    screenshots = Path.of(System.getProperty("ui.screenshots", "target/screenshots"));
    Files.createDirectories(screenshots);
    TutorialData.load(ui);
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM).setHeadless(true)
        .setArgs(CHROMIUM_ARGS));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    ui.close();
  }

  @BeforeEach
  void openPage() {
    context = browser.newContext(new Browser.NewContextOptions().setBaseURL(base)
        .setViewportSize(1280, 860));
    page = context.newPage();
    page.setDefaultTimeout(15_000);
    page.onConsoleMessage(m -> {
      if (m.type().equals("error") || m.type().equals("warning")) {
        consoleErrors.add(m.type() + ": " + m.text() + " at " + page.url());
      }
    });
    page.onPageError(e -> consoleErrors.add("page error: " + e + " at " + page.url()));
  }

  @AfterEach
  void closePage() {
    context.close();
    assertThat(consoleErrors).as("console errors and warnings").isEmpty();
  }

  private void login() {
    page.navigate("/login");
    page.getByLabel("Admin token").fill(ApiFixture.TOKEN);
    page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Log in")).click();
    assertThat(page.locator("h1")).hasText("Overview");
  }

  private void shoot(String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png"))
        .setFullPage(true));
  }

  @Test
  void a_page_without_a_session_shows_the_login_form_and_then_the_page() {
    page.navigate("/schedules");
    assertThat(page).hasURL(base + "/login?next=%2Fschedules");
    shoot("login");
    page.getByLabel("Admin token").fill("wrong");
    page.locator("form button[type=submit]").click();
    assertThat(page.locator("#login-error")).hasText("That is not the admin token.");
    // The refused login answers 401, which Chromium reports; nothing else may.
    assertThat(consoleErrors).singleElement().asString().contains("status of 401");
    consoleErrors.clear();
    page.getByLabel("Admin token").fill(ApiFixture.TOKEN);
    page.locator("form button[type=submit]").click();
    assertThat(page).hasURL(base + "/schedules");
    assertThat(page.locator("h1")).hasText("Schedules");
  }

  @Test
  void every_page_loads_after_the_login_without_console_errors() {
    login();
    shoot("overview");
    for (String[] p : new String[][] {{"/gateway", "Gateway"}, {"/charts", "Charts"},
        {"/scripts", "Scripts"}, {"/scripts/p/" + TUTORIAL, TUTORIAL},
        {"/schedules", "Schedules"}, {"/jobs", "Jobs"}, {"/jobs?status=success", "Jobs"},
        {"/workers", "Workers"}}) {
      page.navigate(p[0]);
      assertThat(page.locator("h1")).containsText(p[1]);
    }
    page.navigate("/gateway");
    Locator tutorial = page.locator("li.group", new Page.LocatorOptions().setHasText(TUTORIAL));
    tutorial.locator("summary").click();
    assertThat(tutorial.locator(".families")).containsText("job_records_processed");
    shoot("gateway");
    page.navigate("/scripts/p/" + TUTORIAL);
    shoot("script");
    page.navigate("/schedules");
    shoot("schedules");
    page.navigate("/jobs");
    shoot("jobs");
    page.navigate("/workers");
    shoot("workers");
    page.navigate("/jobs");
    page.locator("table.jobs tbody a").first().click();
    assertThat(page.locator("h1")).containsText("Job");
    assertThat(page.locator("ul.env")).containsText("WM_TOKEN");
  }

  @Test
  void a_script_run_from_the_ui_shows_its_log_as_it_arrives() {
    login();
    page.navigate("/scripts/p/" + SLOW);
    page.getByLabel("region").fill("eu-west");
    page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Run now")).click();
    assertThat(page.locator("h1")).containsText("Job");
    assertThat(page.locator("#log")).containsText("collecting the figures");
    assertThat(page.locator("#job-status .state")).hasText("running");
    assertThat(page.locator("#log")).not().containsText("report sent");
    ((ScriptedRuntime) ui.api.runtimes.get(Language.BASH)).release();
    assertThat(page.locator("#log")).containsText("report sent");
    assertThat(page.locator("#job-status .state")).hasText("success");
    assertThat(page.locator("#result")).containsText("eu-west");
    shoot("job");
  }

  @Test
  void a_schedule_is_disabled_and_enabled_from_its_row() {
    login();
    page.navigate("/schedules");
    Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("every_5s"));
    assertThat(row.locator(".state")).hasText("enabled");
    row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
    assertThat(row.locator(".state")).hasText("disabled");
    assertThat(ui.api.runner().schedule("demo", ScriptPath.of("u/admin/every_5s")).enabled())
        .isFalse();
    row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
    assertThat(row.locator(".state")).hasText("enabled");
    assertThat(ui.api.runner().schedule("demo", ScriptPath.of("u/admin/every_5s")).enabled())
        .isTrue();
  }

  @Test
  void a_group_is_deleted_from_the_gateway_page() throws Exception {
    ui.push(GroupingKey.of("job", "to_delete"), "leftover 1\n");
    login();
    page.onDialog(Dialog::accept);
    page.navigate("/gateway?q=to_delete");
    Locator group = page.locator("li.group", new Page.LocatorOptions().setHasText("to_delete"));
    assertThat(group).hasCount(1);
    group.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName("Delete the group job=\"to_delete\"")).click();
    assertThat(group).hasCount(0);
    await().atMost(Duration.ofSeconds(5)).until(() -> ui.store.groups().stream()
        .noneMatch(g -> g.key().job().equals("to_delete")));
  }

  @Test
  void the_charts_draw_the_pushed_series_raw_and_instant() {
    login();
    page.navigate("/charts?name=job_records_processed&job=" + TUTORIAL);
    assertThat(page.locator(".charts")).hasAttribute("data-drawn",
        java.util.regex.Pattern.compile("\\d+"));
    assertThat(page.locator("#chart-raw canvas")).hasCount(1);
    assertThat(page.locator("#chart-instant canvas")).hasCount(1);
    Object raw = page.evaluate(TutorialData.COUNT_SERIES_PIXELS, "#chart-raw canvas");
    Object instant = page.evaluate(TutorialData.COUNT_SERIES_PIXELS, "#chart-instant canvas");
    assertThat(((Number) raw).intValue()).as("pixels of the raw line").isGreaterThan(50);
    assertThat(((Number) instant).intValue()).as("pixels of the instant bars").isGreaterThan(50);
    shoot("charts");
  }

  /** Pushes, scripts, schedules and jobs that make the pages look like the tutorial's. */
  static final class TutorialData {
    /** Counts the pixels of the first series' colour (#0b5cad) on a canvas. */
    static final String COUNT_SERIES_PIXELS = """
        sel => { const c = document.querySelector(sel);
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4) {
            if (Math.abs(d[i] - 11) < 40 && Math.abs(d[i + 1] - 92) < 40
                && Math.abs(d[i + 2] - 173) < 40 && d[i + 3] > 100) { n++; }
          }
          return n; }""";

    static final String TUTORIAL_CODE = """
        import os
        import random
        from prometheus_client import CollectorRegistry, Gauge, push_to_gateway

        # param max integer 100
        def main(max: int = 100):
            registry = CollectorRegistry()
            g = Gauge("job_records_processed", "Records processed by the job", registry=registry)
            g.set(random.randint(0, max))
            push_to_gateway("localhost:9091", job=os.environ["WM_JOB_PATH"], registry=registry)
            return {"pushed": True}
        # log pushing job_records_processed to localhost:9091
        # result {"pushed": true}
        """;

    static final String SLOW_CODE = """
        # param region string
        # param days integer 7
        echo "collecting the figures"
        # log collecting the figures for the last days
        # hold
        # log report sent
        """;

    private TutorialData() {}

    static void load(UiFixture ui) throws Exception {
      ApiFixture api = ui.api;
      api.push(TUTORIAL, "python3", TUTORIAL_CODE);
      api.push(SLOW, "bash", SLOW_CODE);
      api.push("u/admin/flaky_import", "bash", "# log importing\n# fail the source was empty");
      for (int i = 0; i < 3; i++) {
        api.awaitCompleted(api.run(TUTORIAL, "{}"));
      }
      api.awaitCompleted(api.run("u/admin/flaky_import", "{}"));
      api.runner().createSchedule("demo", NewSchedule.of(ScriptPath.of("u/admin/every_5s"),
          ScriptPath.of(TUTORIAL), "*/5 * * * * *", "Etc/UTC"), Principal.ADMIN);
      api.runner().createSchedule("demo", NewSchedule.of(ScriptPath.of("u/admin/nightly"),
          ScriptPath.of("u/admin/flaky_import"), "0 30 2 * * *", "Europe/Berlin"),
          Principal.ADMIN);
      Instant now = Instant.now();
      java.util.Random random = new java.util.Random(42);
      for (int s = 120; s >= 0; s -= 5) {
        ui.push(TUTORIAL_GROUP, "# HELP job_records_processed Records processed by the job\n"
            + "# TYPE job_records_processed gauge\njob_records_processed "
            + random.nextInt(100) + "\n", now.minusSeconds(s));
      }
      ui.push(GroupingKey.of("job", "batch_import", "instance", "worker-1"),
          GatewayPageTest.HISTOGRAM);
      ui.push(GroupingKey.of("job", "billing"), "# TYPE temperature gauge\ntemperature 21\n");
      ui.push(GroupingKey.of("job", "billing", "instance", "b"),
          "# TYPE temperature counter\ntemperature 3\n");
    }
  }
}
