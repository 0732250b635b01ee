package io.pushmill.server.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UI's sessions, in memory (a restart logs everyone out): each has a random id (the cookie),
 * a CSRF token of its own, and ends after {@code idle} without a request or {@code maxAge} after
 * the login, whichever comes first. At most {@code limit} sessions are kept; a login beyond that
 * ends the least recently used one. Thread-safe.
 */
final class Sessions {
  /** A logged-in session; {@code id} is the cookie's value, known only to its browser. */
  record Session(String id, String csrf, Instant created, Instant lastSeen) {}

  static final Duration DEFAULT_IDLE = Duration.ofHours(2);
  static final Duration DEFAULT_MAX_AGE = Duration.ofHours(12);
  static final int DEFAULT_LIMIT = 1000;

  private final Map<String, Session> byDigest = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idle;
  private final Duration maxAge;
  private final int limit;

  Sessions(Clock clock, Duration idle, Duration maxAge, int limit) {
    if (idle.isNegative() || idle.isZero() || maxAge.compareTo(idle) < 0 || limit < 1) {
      throw new IllegalArgumentException("sessions need 0 < idle <= max age and a positive limit,"
          + " got idle " + idle + ", max age " + maxAge + ", limit " + limit);
    }
    this.clock = clock;
    this.idle = idle;
    this.maxAge = maxAge;
    this.limit = limit;
  }

  static Sessions withDefaults(Clock clock) {
    return new Sessions(clock, DEFAULT_IDLE, DEFAULT_MAX_AGE, DEFAULT_LIMIT);
  }

  /** Starts a session after a successful login. */
  Session create() {
    Instant now = clock.instant();
    byDigest.values().removeIf(s -> expired(s, now));
    while (byDigest.size() >= limit) {
      byDigest.entrySet().stream().min(Comparator.comparing(e -> e.getValue().lastSeen()))
          .ifPresent(e -> byDigest.remove(e.getKey()));
    }
    Session s = new Session(Secrets.random(), Secrets.random(), now, now);
    byDigest.put(Secrets.digest(s.id()), s);
    return s;
  }

  /** The live session with this id, its idle time restarted; empty when unknown or expired. */
  Optional<Session> find(String id) {
    if (id.isEmpty()) {
      return Optional.empty();
    }
    String key = Secrets.digest(id);
    Instant now = clock.instant();
    Session s = byDigest.get(key);
    if (s == null) {
      return Optional.empty();
    }
    if (expired(s, now)) {
      byDigest.remove(key, s);
      return Optional.empty();
    }
    Session touched = new Session(s.id(), s.csrf(), s.created(), now);
    byDigest.replace(key, s, touched);
    return Optional.of(touched);
  }

  /** Ends a session (logout); an unknown id is fine. */
  void remove(String id) {
    byDigest.remove(Secrets.digest(id));
  }

  /** How long the cookie may live: the session's whole life. */
  Duration maxAge() {
    return maxAge;
  }

  int size() {
    return byDigest.size();
  }

  private boolean expired(Session s, Instant now) {
    return !now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.created().plus(maxAge));
  }
}
