package io.pushmill.server.api.auth;

import io.pushmill.runner.JobTokenIssuer;
import io.pushmill.runner.model.Job;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code WM_TOKEN} of a job: its id, workspace and expiry, signed with HMAC-SHA256 under a key
 * derived from the admin token. Any process that shares the admin token checks a token issued by
 * any other, with no database row per token. A token expires when its job can no longer be running:
 * the job's timeout after issue (at the job's start), plus a margin for the end of its process tree.
 */
public final class JobTokens implements JobTokenIssuer {
  /** Beyond the job's timeout: the grace before SIGKILL and the completion's commit. */
  public static final Duration MARGIN = Duration.ofMinutes(1);
  private static final String PREFIX = "pmjob.";
  private static final String VERSION = "1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final byte[] key;
  private final Clock clock;
  private final Function<Job, Duration> timeout;

  private JobTokens(byte[] key, Clock clock, Function<Job, Duration> timeout) {
    this.key = key;
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * Tokens keyed by this admin token.
   *
   * @param timeout how long a job may run (its script's timeout, or the default)
   */
  public static JobTokens create(AdminToken admin, Clock clock, Function<Job, Duration> timeout) {
    byte[] derived = hmac(admin.value().getBytes(StandardCharsets.UTF_8),
        "pushmill job tokens v1");
    return new JobTokens(derived, clock, timeout);
  }

  /** What a valid token says. */
  public record Claim(UUID job, String workspace, Instant expiry) {}

  @Override
  public String tokenFor(Job job) {
    Instant expiry = clock.instant().plus(timeout.apply(job)).plus(MARGIN);
    String payload = VERSION + ":" + job.id() + ":" + job.workspace() + ":"
        + expiry.getEpochSecond();
    return PREFIX + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
        + ENCODER.encodeToString(hmac(key, payload));
  }

  /** True when the token has the shape of a job token (valid or not). */
  public static boolean looksLikeJobToken(String token) {
    return token.startsWith(PREFIX);
  }

  /** The claim of a token that is well-formed, correctly signed and not expired. */
  public Optional<Claim> verify(String token) {
    if (!looksLikeJobToken(token)) {
      return Optional.empty();
    }
    String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      String payload = new String(Base64.getUrlDecoder().decode(parts[0]),
          StandardCharsets.UTF_8);
      byte[] mac = Base64.getUrlDecoder().decode(parts[1]);
      if (!MessageDigest.isEqual(mac, hmac(key, payload))) {
        return Optional.empty();
      }
      String[] fields = payload.split(":", -1);
      if (fields.length != 4 || !fields[0].equals(VERSION)) {
        return Optional.empty();
      }
      Instant expiry = Instant.ofEpochSecond(Long.parseLong(fields[3]));
      if (!clock.instant().isBefore(expiry)) {
        return Optional.empty();
      }
      return Optional.of(new Claim(UUID.fromString(fields[1]), fields[2], expiry));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
