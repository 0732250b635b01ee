package io.pushmill.runner.cron;

import io.pushmill.runner.BadRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * A cron expression in an IANA timezone, with Windmill's (croner's) syntax: 6 fields with seconds
 * first, or 5 fields meaning second 0; {@code ?}, {@code L}, {@code W}, {@code #}, names, and
 * day-of-week 0 or 7 for Sunday.
 *
 * <p>Slots are local times of the timezone. Around DST changes it follows croner (OCPS 1.4): an
 * expression with a wildcard or step in its hour field fires at every real slot, through a gap
 * and through a repeated hour; an expression with specific hours fires once in a repeated hour (at
 * the first pass), and a time that a gap swallows fires at the instant it would have had without
 * the change (02:30 becomes 03:30 when 02:00 jumps to 03:00), as Vixie cron does.
 */
public final class CronSchedule {
  private final String expression;
  private final String timezone;
  private final ZoneId zone;
  private final CronExpression cron;

  private final boolean specificHours;

  private CronSchedule(String expression, String timezone, ZoneId zone, CronExpression cron,
      boolean specificHours) {
    this.expression = expression;
    this.timezone = timezone;
    this.zone = zone;
    this.cron = cron;
    this.specificHours = specificHours;
  }

  /** Parses both, naming the bad value: the expression as given, or the timezone. */
  public static CronSchedule parse(String expression, String timezone) {
    CronExpression cron = cron(expression);
    String[] fields = sixFields(expression.trim()).split("\\s+");
    boolean specificHours = fields.length == 6 && !fields[2].contains("*")
        && !fields[2].contains("/");
    return new CronSchedule(expression, timezone, zone(timezone), cron, specificHours);
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
    try {
      return CronExpression.parse(sixFields(trimmed));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("invalid cron expression '" + expression + "': "
          + e.getMessage());
    }
  }

  private static String sixFields(String trimmed) {
    boolean fiveFields = !trimmed.startsWith("@") && trimmed.split("\\s+").length == 5;
    return fiveFields ? "0 " + trimmed : trimmed;
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
    Optional<Instant> slot = plainNext(after);
    if (!specificHours) {
      return slot;
    }
    while (slot.isPresent() && isSecondPass(slot.get())) {
      slot = plainNext(slot.get());
    }
    Instant limit = slot.orElse(after.plus(Duration.ofDays(LOOKAHEAD_DAYS)));
    Optional<Instant> swallowed = swallowedByGap(after, limit);
    return swallowed.isPresent() ? swallowed : slot;
  }

  private static final long LOOKAHEAD_DAYS = 366;

  /** Spring's answer: the next existing local time that matches, each real instant once. */
  private Optional<Instant> plainNext(Instant after) {
    ZonedDateTime next = cron.next(after.atZone(zone));
    return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
  }

  /** True for an instant in the second pass through a repeated hour. */
  private boolean isSecondPass(Instant slot) {
    ZoneRules rules = zone.getRules();
    LocalDateTime local = LocalDateTime.ofInstant(slot, zone);
    ZoneOffsetTransition t = rules.getTransition(local);
    return t != null && t.isOverlap() && rules.getOffset(slot).equals(t.getOffsetAfter());
  }

  /**
   * The earliest slot after {@code after} and before {@code limit} whose local time a DST gap
   * swallowed, placed where it would have been without the gap.
   */
  private Optional<Instant> swallowedByGap(Instant after, Instant limit) {
    ZoneRules rules = zone.getRules();
    ZoneOffsetTransition t = rules.previousTransition(after.plusNanos(1));
    if (t == null) {
      t = rules.nextTransition(after);
    }
    while (t != null && t.getInstant().isBefore(limit)) {
      if (t.isGap()) {
        LocalDateTime start = t.getDateTimeBefore();
        LocalDateTime from = after.isBefore(t.getInstant()) ? start.minusNanos(1)
            : start.plus(Duration.between(t.getInstant(), after));
        LocalDateTime match = cron.next(from);
        if (match != null && match.isBefore(t.getDateTimeAfter())) {
          Instant shifted = t.getInstant().plus(Duration.between(start, match));
          if (shifted.isAfter(after) && shifted.isBefore(limit)) {
            return Optional.of(shifted);
          }
        }
      }
      t = rules.nextTransition(t.getInstant());
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return expression + " (" + timezone + ")";
  }
}
