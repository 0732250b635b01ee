package io.pushmill.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.OutputStream;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Configures logback in code from {@code --log.level} and {@code --log.format}: one appender
 * writing to stderr (or the given stream), Jetty kept at warn unless debugging.
 */
public final class Logging {
  private Logging() {}

  /** The output formats of {@code --log.format}. */
  public enum Format {
    LOGFMT,
    JSON;

    /** The format a flag value names: {@code logfmt} or {@code json}, exactly as promslog. */
    public static Format parse(String value) {
      return switch (value) {
        case "logfmt" -> LOGFMT;
        case "json" -> JSON;
        default -> throw new IllegalArgumentException("unrecognized log format " + value);
      };
    }
  }

  /** The level a flag value names: debug, info, warn or error, in any case (promslog). */
  public static Level parseLevel(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "debug" -> Level.DEBUG;
      case "info" -> Level.INFO;
      case "warn" -> Level.WARN;
      case "error" -> Level.ERROR;
      default -> throw new IllegalArgumentException("unrecognized log level " + value);
    };
  }

  /** Replaces any logback configuration with this one. */
  public static void configure(Level level, Format format, OutputStream out) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.reset();
    LayoutBase<ILoggingEvent> layout =
        format == Format.JSON ? new JsonLayout() : new LogfmtLayout();
    layout.setContext(ctx);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(ctx);
    encoder.setLayout(layout);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(ctx);
    appender.setName("pushmill");
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.setImmediateFlush(true);
    appender.start();
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level);
    root.addAppender(appender);
    ctx.getLogger("org.eclipse.jetty").setLevel(level == Level.DEBUG ? Level.INFO : Level.WARN);
  }
}
