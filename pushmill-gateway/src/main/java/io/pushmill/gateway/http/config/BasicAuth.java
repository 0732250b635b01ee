package io.pushmill.gateway.http.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Checks {@code Authorization: Basic} against bcrypt hashes as the exporter-toolkit does: an
 * unknown user is compared against a dummy hash so that timing does not reveal which users exist,
 * only one bcrypt comparison runs at a time, and results are cached by (user, hash, SHA-256 of the
 * password) so that a known client costs one hash, not one bcrypt, per request. The cache holds at
 * most 100 entries and never a password.
 */
final class BasicAuth {
  private static final int CACHE_SIZE = 100;
  private static final int BCRYPT_MAX_BYTES = 72; // bcrypt ignores what follows; Go's too

  private final Map<String, Boolean> cache = new HashMap<>();
  private final ReentrantLock bcryptLock = new ReentrantLock();
  private volatile String dummyHash;

  /** A request's user and password, when it sent well-formed basic credentials. */
  record Credentials(String user, byte[] password) {}

  /** Go's {@code Request.BasicAuth}: a case-insensitive "Basic " and base64 of user:password. */
  static Optional<Credentials> parse(String authorization) {
    if (authorization == null
        || authorization.length() < 6
        || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(authorization.substring(6));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (int i = 0; i < decoded.length; i++) {
      if (decoded[i] == ':') {
        String user = new String(decoded, 0, i, StandardCharsets.UTF_8);
        return Optional.of(
            new Credentials(user, Arrays.copyOfRange(decoded, i + 1, decoded.length)));
      }
    }
    return Optional.empty();
  }

  /** True when the credentials match a user's hash. */
  boolean check(Map<String, String> users, Credentials c) {
    String hash = users.get(c.user());
    boolean known = hash != null;
    if (!known) {
      hash = dummyHash();
    }
    String key =
        hex(c.user().getBytes(StandardCharsets.UTF_8))
            + ":"
            + hex(hash.getBytes(StandardCharsets.UTF_8))
            + ":"
            + hex(sha256(c.password()));
    Boolean cached;
    synchronized (cache) {
      cached = cache.get(key);
    }
    if (cached == null) {
      boolean ok = bcrypt(c.password(), hash);
      cached = known && ok;
      synchronized (cache) {
        makeRoom();
        cache.put(key, cached);
      }
    }
    return cached && known;
  }

  private boolean bcrypt(byte[] password, String hash) {
    byte[] p =
        password.length > BCRYPT_MAX_BYTES ? Arrays.copyOf(password, BCRYPT_MAX_BYTES) : password;
    bcryptLock.lock();
    try {
      return BCrypt.checkpw(p, hash);
    } catch (IllegalArgumentException e) {
      return false; // a malformed hash matches nothing
    } finally {
      bcryptLock.unlock();
    }
  }

  private String dummyHash() {
    String h = dummyHash;
    if (h == null) {
      h = BCrypt.hashpw("fakepassword", BCrypt.gensalt(10));
      dummyHash = h;
    }
    return h;
  }

  // Random eviction of a tenth, as the toolkit does, so a full cache is not trimmed per request.
  private void makeRoom() {
    if (cache.size() < CACHE_SIZE) {
      return;
    }
    List<String> keys = new ArrayList<>(cache.keySet());
    for (int i = 0; i <= Math.max(cache.size() / 10, 1); i++) {
      cache.remove(keys.remove(ThreadLocalRandom.current().nextInt(keys.size())));
    }
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
