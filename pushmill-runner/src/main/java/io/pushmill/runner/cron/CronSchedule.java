package io.pushmill.runner.cron;

import io.pushmill.runner.BadRequestException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * A cron expression in an IANA timezone, with Windmill's (croner's) syntax: 6 fields with seconds
 * first, or 5 fields meaning second 0; {@code ?}, {@code L}, {@code W}, {@code #}, names, and
 * day-of-week 0 or 7 for Sunday. Slots are computed in the timezone, so they follow its DST rules:
 * a local time that does not exist is skipped, a repeated one fires once.
 */
public final class CronSchedule {
  private final String expression;
  private final String timezone;
  private final ZoneId zone;
  private final CronExpression cron;

  private CronSchedule(String expression, String timezone, ZoneId zone, CronExpression cron) {
    this.expression = expression;
    this.timezone = timezone;
    this.zone = zone;
    this.cron = cron;
  }

  /** Parses both, naming the bad value: the expression as given, or the timezone. */
  public static CronSchedule parse(String expression, String timezone) {
    return new CronSchedule(expression, timezone, zone(timezone), cron(expression));
  }

  /** The zone with this IANA name; offsets such as {@code +02:00} are refused. */
  public static ZoneId zone(String timezone) {
    if (timezone == null || !ZoneId.getAvailableZoneIds().contains(timezone)) {
      throw new BadRequestException("unknown timezone '" + timezone
          + "': use an IANA name such as Europe/Berlin or Etc/UTC");
    }
    return ZoneId.of(timezone);
  }

  private static CronExpression cron(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new BadRequestException("invalid cron expression '" + expression + "': it is empty");
    }
    String trimmed = expression.trim();
    int fields = trimmed.split("\\s+").length;
    boolean macro = trimmed.startsWith("@");
    if (!macro && fields != 5 && fields != 6) {
      throw new BadRequestException("invalid cron expression '" + expression + "': it has "
          + fields + " fields; use 6 (seconds first) or 5 (seconds = 0)");
    }
    String sixFields = !macro && fields == 5 ? "0 " + trimmed : trimmed;
    try {
      return CronExpression.parse(sixFields);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("invalid cron expression '" + expression + "': "
          + e.getMessage());
    }
  }

  /** The expression as given. */
  public String expression() {
    return expression;
  }

  /** The timezone as given. */
  public String timezone() {
    return timezone;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The first slot strictly after {@code after}; empty when the expression never fires again. */
  public Optional<Instant> next(Instant after) {
    ZonedDateTime next = cron.next(after.atZone(zone));
    return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
  }

  @Override
  public String toString() {
    return expression + " (" + timezone + ")";
  }
}
