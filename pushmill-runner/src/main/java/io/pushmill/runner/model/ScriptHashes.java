package io.pushmill.runner.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.exec.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The two hashes of a script version: the version's identity and the content's. */
public final class ScriptHashes {
  private ScriptHashes() {}

  /** SHA-256 of language and content, in hex: the key of caches of compiled code. */
  public static String contentHash(Language language, String content) {
    return sha256(language.id(), content);
  }

  /**
   * The version's identity, 16 hex digits like Windmill's. It covers everything stored, including
   * the parent, so that pushing an older content again makes a new version with a new hash.
   */
  public static String versionHash(NewScript script, ObjectNode schema, Optional<String> parent) {
    String full = sha256(
        script.path().value(),
        script.language().id(),
        script.content(),
        script.summary(),
        script.description(),
        script.timeout().map(t -> Long.toString(t.toMillis())).orElse(""),
        Boolean.toString(script.idempotent()),
        Json.write(schema),
        Json.write(script.extra()),
        parent.orElse(""));
    return full.substring(0, 16);
  }

  private static String sha256(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        // The length in front keeps ("ab","c") and ("a","bc") apart.
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
