package io.pushmill.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Log lines in upstream's go-kit style, logfmt and JSON (promslog). */
class LayoutTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Logger log = LoggerFactory.getLogger("io.pushmill.gateway.store.StoreWriter");

  @AfterEach
  void reset() {
    Logging.configure(Level.INFO, Logging.Format.LOGFMT, System.err);
  }

  private String lines() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void logfmt_writes_ts_level_caller_msg_then_key_values() {
    Logging.configure(Level.INFO, Logging.Format.LOGFMT, out);

    log.atInfo().addKeyValue("file", "/var/lib/pm/gw.data").log("metrics persisted");

    assertThat(lines())
        .matches(
            "ts=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z level=info "
                + "caller=StoreWriter msg=\"metrics persisted\" file=/var/lib/pm/gw.data\n");
  }

  @Test
  void logfmt_quotes_values_that_need_it() {
    Logging.configure(Level.DEBUG, Logging.Format.LOGFMT, out);

    log.atDebug()
        .addKeyValue("empty", "")
        .addKeyValue("eq", "a=b")
        .addKeyValue("q", "say \"hi\"\n")
        .addKeyValue("msg", "clash")
        .log("plain");

    assertThat(lines())
        .endsWith(
            "level=debug caller=StoreWriter msg=plain empty=\"\" eq=\"a=b\" q=\"say \\\"hi\\\"\\n"
                + "\" logged_msg=clash\n");
  }

  @Test
  void levels_below_the_flag_are_dropped() {
    Logging.configure(Level.WARN, Logging.Format.LOGFMT, out);

    log.info("not shown");
    log.warn("shown");

    assertThat(lines()).doesNotContain("not shown").contains("level=warn").contains("msg=shown");
  }

  @Test
  void json_writes_one_object_per_line_in_the_same_order() {
    Logging.configure(Level.INFO, Logging.Format.JSON, out);

    log.atError().addKeyValue("err", "disk <full>").log("error persisting metrics");

    assertThat(lines())
        .matches(
            "\\{\"ts\":\"[^\"]+Z\",\"level\":\"error\",\"caller\":\"StoreWriter\",\"msg\":\"error"
                + " persisting metrics\",\"err\":\"disk \\\\u003cfull\\\\u003e\"}\n");
  }

  @Test
  void an_exception_becomes_err() {
    Logging.configure(Level.INFO, Logging.Format.LOGFMT, out);

    log.error("failed", new IllegalStateException("boom"));

    assertThat(lines()).endsWith("msg=failed err=boom\n");
  }

  @Test
  void flag_values_are_checked_as_promslog_does() {
    assertThat(Logging.parseLevel("WARN")).isEqualTo(Level.WARN);
    assertThat(Logging.Format.parse("json")).isEqualTo(Logging.Format.JSON);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Logging.Format.parse("JSON"))
        .hasMessage("unrecognized log format JSON");
  }
}
