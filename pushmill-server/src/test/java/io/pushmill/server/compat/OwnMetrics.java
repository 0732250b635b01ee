package io.pushmill.server.compat;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which series are the gateways' own rather than pushed, and which values are clock readings:
 * the two things normalisation removes before a scrape or API answer is compared.
 */
final class OwnMetrics {
  /** Families each gateway adds about itself: Go's, the JVM's, the process's, and the gateway's. */
  static final List<String> OWN_PREFIXES =
      List.of("go_", "process_", "jvm_", "pushgateway_", "pushmill_", "promhttp_");

  /** The job of the harness's own barrier pushes, removed from everything compared. */
  static final String BARRIER_JOB = "compat_barrier";

  static final String TIME_PLACEHOLDER = "<push time>";

  private static final Pattern GO_TIMESTAMP_FLOAT = Pattern.compile("\\d(\\.\\d+)?e\\+09");

  private OwnMetrics() {}

  static boolean isOwn(String family) {
    return OWN_PREFIXES.stream().anyMatch(family::startsWith);
  }

  static boolean isPushTime(String family) {
    return family.equals("push_time_seconds") || family.equals("push_failure_time_seconds");
  }

  /**
   * A push time as Go's {@code %g} prints it (seconds since 1970 have ten digits, so always the
   * exponent form): replaced by a placeholder. Anything else, including {@code 0} and a time in
   * another spelling, is left as it is, so a wrong format still shows as a difference.
   */
  static String normalizeTime(String value) {
    return GO_TIMESTAMP_FLOAT.matcher(value).matches() ? TIME_PLACEHOLDER : value;
  }
}
