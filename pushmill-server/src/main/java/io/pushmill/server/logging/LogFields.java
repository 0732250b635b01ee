package io.pushmill.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * The fields of one log line in upstream's go-kit style: {@code ts} (UTC, milliseconds), {@code
 * level}, {@code caller}, {@code msg}, then the event's key-value pairs in order, then {@code err}
 * for an exception. Keys that clash with the first four get the {@code logged_} prefix, as promslog
 * does.
 */
final class LogFields {
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private LogFields() {}

  static List<Map.Entry<String, String>> of(ILoggingEvent e) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("ts", TS.format(e.getInstant())));
    fields.add(Map.entry("level", level(e.getLevel())));
    fields.add(Map.entry("caller", caller(e.getLoggerName())));
    fields.add(Map.entry("msg", e.getFormattedMessage()));
    if (e.getKeyValuePairs() != null) {
      for (KeyValuePair kv : e.getKeyValuePairs()) {
        String key =
            switch (kv.key) {
              case "ts", "level", "caller", "msg" -> "logged_" + kv.key;
              default -> kv.key;
            };
        fields.add(Map.entry(key, String.valueOf(kv.value)));
      }
    }
    IThrowableProxy t = e.getThrowableProxy();
    if (t != null) {
      fields.add(Map.entry("err", t.getMessage() == null ? t.getClassName() : t.getMessage()));
    }
    return fields;
  }

  private static String level(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> "error";
      case Level.WARN_INT -> "warn";
      case Level.INFO_INT -> "info";
      default -> "debug";
    };
  }

  private static String caller(String loggerName) {
    int dot = loggerName.lastIndexOf('.');
    return dot < 0 ? loggerName : loggerName.substring(dot + 1);
  }
}
