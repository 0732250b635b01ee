package io.pushmill.server.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Says a cron expression in words for the common shapes ({@code every 5 seconds}, {@code at 02:30
 * every day}, {@code at 09:00 on weekdays}, {@code every 2 hours}) and falls back to the
 * expression itself for the rest. Reads Windmill's syntax: 6 fields with seconds first, 5 fields
 * meaning second 0, and the {@code @daily}-style macros.
 */
final class CronDescriber {
  private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
      "Friday", "Saturday"};
  private static final Map<String, String> MACROS = Map.of(
      "@yearly", "at 00:00 on 1 January", "@annually", "at 00:00 on 1 January",
      "@monthly", "at 00:00 on day 1 of every month", "@weekly", "at 00:00 on Sundays",
      "@daily", "at 00:00 every day", "@midnight", "at 00:00 every day",
      "@hourly", "every hour");

  private CronDescriber() {}

  static String describe(String expression) {
    String trimmed = expression.strip();
    if (trimmed.startsWith("@")) {
      return MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), expression);
    }
    String[] f = trimmed.split("\\s+");
    if (f.length == 5) {
      f = new String[] {"0", f[0], f[1], f[2], f[3], f[4]};
    }
    if (f.length != 6) {
      return expression;
    }
    return words(f[0], f[1], f[2], f[3], f[4], f[5]).orElse(expression);
  }

  private static Optional<String> words(String s, String m, String h, String dom, String mon,
      String dow) {
    boolean everyDay = any(dom) && any(mon) && any(dow);
    if (everyDay && any(m) && any(h)) {
      return subMinute(s);
    }
    Optional<Integer> sec = number(s, 59);
    if (sec.isEmpty()) {
      return Optional.empty();
    }
    if (everyDay && any(h)) {
      return minutely(sec.get(), m);
    }
    if (everyDay && sec.get() == 0 && number(m, 59).isPresent()) {
      Optional<Integer> hours = step(h, 23);
      if (hours.isPresent()) {
        int min = number(m, 59).get();
        return Optional.of(plural(hours.get(), "hour") + (min == 0 ? "" : " at minute " + min));
      }
    }
    Optional<Integer> min = number(m, 59);
    Optional<Integer> hour = number(h, 23);
    if (min.isEmpty() || hour.isEmpty()) {
      return Optional.empty();
    }
    String at = "at " + clock(hour.get(), min.get(), sec.get());
    if (everyDay) {
      return Optional.of(at + " every day");
    }
    if (any(dom) && any(mon)) {
      return days(dow).map(d -> at + " on " + d);
    }
    if (any(mon) && any(dow)) {
      return number(dom, 31).filter(d -> d >= 1).map(d -> at + " on day " + d
          + " of every month");
    }
    return Optional.empty();
  }

  private static Optional<String> subMinute(String s) {
    if (any(s)) {
      return Optional.of("every second");
    }
    Optional<Integer> every = step(s, 59);
    if (every.isPresent()) {
      return Optional.of(plural(every.get(), "second"));
    }
    return number(s, 59).map(sec -> sec == 0 ? "every minute"
        : "every minute at second " + sec);
  }

  private static Optional<String> minutely(int sec, String m) {
    if (sec != 0) {
      return Optional.empty();
    }
    Optional<Integer> every = step(m, 59);
    if (every.isPresent()) {
      return Optional.of(plural(every.get(), "minute"));
    }
    return number(m, 59).map(min -> min == 0 ? "every hour" : "every hour at minute " + min);
  }

  private static String plural(int n, String unit) {
    return n == 1 ? "every " + unit : "every " + n + " " + unit + "s";
  }

  private static String clock(int h, int m, int s) {
    String hm = String.format(Locale.ROOT, "%02d:%02d", h, m);
    return s == 0 ? hm : hm + String.format(Locale.ROOT, ":%02d", s);
  }

  /** {@code Mondays}, {@code weekdays}, {@code Mondays, Wednesdays and Fridays}. */
  private static Optional<String> days(String dow) {
    List<Integer> days = new ArrayList<>();
    for (String part : dow.split(",")) {
      String[] range = part.split("-", -1);
      if (range.length > 2) {
        return Optional.empty();
      }
      Optional<Integer> from = day(range[0]);
      Optional<Integer> to = range.length == 2 ? day(range[1]) : from;
      if (from.isEmpty() || to.isEmpty() || to.get() < from.get()) {
        return Optional.empty();
      }
      for (int d = from.get(); d <= to.get(); d++) {
        days.add(d % 7);
      }
    }
    List<Integer> sorted = days.stream().distinct().sorted().toList();
    if (sorted.equals(List.of(1, 2, 3, 4, 5))) {
      return Optional.of("weekdays");
    }
    if (sorted.equals(List.of(0, 6))) {
      return Optional.of("weekends");
    }
    List<String> names = sorted.stream().map(d -> DAYS[d] + "s").toList();
    if (names.size() == 1) {
      return Optional.of(names.getFirst());
    }
    return Optional.of(String.join(", ", names.subList(0, names.size() - 1)) + " and "
        + names.getLast());
  }

  private static Optional<Integer> day(String s) {
    String u = s.toUpperCase(Locale.ROOT);
    for (int i = 0; i < DAYS.length; i++) {
      if (DAYS[i].toUpperCase(Locale.ROOT).startsWith(u) && u.length() == 3) {
        return Optional.of(i);
      }
    }
    return number(s, 7);
  }

  private static boolean any(String field) {
    return field.equals("*") || field.equals("?");
  }

  /** A step from 0 ({@code 0/N}, or an asterisk then {@code /N}): every N units. */
  private static Optional<Integer> step(String field, int max) {
    String[] parts = field.split("/", -1);
    if (parts.length != 2 || !(parts[0].equals("*") || parts[0].equals("0"))) {
      return Optional.empty();
    }
    return number(parts[1], max).filter(n -> n >= 1);
  }

  private static Optional<Integer> number(String field, int max) {
    if (field.isEmpty() || field.length() > 2 || !field.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int n = Integer.parseInt(field);
    return n <= max ? Optional.of(n) : Optional.empty();
  }
}
