package io.pushmill.gateway.http;

import io.pushmill.gateway.http.gocompat.GoBase64;
import io.pushmill.metrics.text.GoQuote;
import io.pushmill.metrics.text.Utf8;
import io.pushmill.gateway.store.GroupingKey;
import io.pushmill.metrics.Labels;
import io.pushmill.metrics.text.NameValidation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the job segment and the label path of a push or delete URL into a grouping key, with
 * upstream's order of checks and error texts (§2.2 of the spec): the base64 job first, then the
 * label pairs one by one, then the empty job. A repeated label name keeps its last value; a {@code
 * job} pair is overridden by the job segment.
 *
 * <p>Two additions: a job or label value that is not valid UTF-8 after decoding is refused with a
 * 400 naming it, where upstream stores it and breaks every later scrape; and the pseudo-label
 * {@code __ttl__} (which upstream refuses as an improper name) sets the group's TTL instead of
 * becoming a label ({@link TtlLabel}).
 */
public final class GroupingKeyParser {
  private static final byte[] BASE64_SUFFIX = "@base64".getBytes(StandardCharsets.US_ASCII);

  private final boolean utf8Names;

  /**
   * @param utf8Names {@code --push.enable-utf8-names}: label names may be any UTF-8 and are
   *     unescaped from the {@code U__} form
   */
  public GroupingKeyParser(boolean utf8Names) {
    this.utf8Names = utf8Names;
  }

  /**
   * Parses a grouping key.
   *
   * @param base64Job the route was {@code job@base64}
   * @param job the job segment, percent-decoded
   * @param labels the rest of the path after the job segment, percent-decoded: empty, or starting
   *     with {@code /}
   * @throws BadRequestException with upstream's message
   */
  public GroupingKey parse(boolean base64Job, byte[] job, byte[] labels) {
    return parseTarget(base64Job, job, labels).key();
  }

  /**
   * Parses a grouping key and the TTL of a {@code __ttl__} pseudo-label, if any (checked in its
   * place among the labels, with the same rules for {@code @base64}; the last one wins).
   *
   * @throws BadRequestException with upstream's message, or naming an invalid TTL
   */
  public PushTarget parseTarget(boolean base64Job, byte[] job, byte[] labels) {
    if (base64Job) {
      GoBase64.Decoded decoded = GoBase64.decodeTrimmed(job);
      if (decoded.error().isPresent()) {
        throw new BadRequestException(
            "invalid base64 encoding in job name "
                + GoQuote.quote(decoded.bytes())
                + ": "
                + decoded.error().get());
      }
      job = decoded.bytes();
    }
    Map<String, byte[]> pairs = new LinkedHashMap<>();
    Optional<Duration> ttl = splitLabels(labels, pairs);
    if (job.length == 0) {
      throw new BadRequestException("job name is required");
    }
    Map<String, String> key = new LinkedHashMap<>();
    pairs.forEach((name, value) -> key.put(name, utf8Value(value, "value of label " + name)));
    key.put("job", utf8Value(job, "job name"));
    return new PushTarget(new GroupingKey(Labels.of(key)), ttl);
  }

  private static String utf8Value(byte[] value, String what) {
    return Utf8.decode(value)
        .orElseThrow(
            () -> new BadRequestException(what + " is not valid UTF-8: " + GoQuote.quote(value)));
  }

  // Fills {@code result} with the label pairs; returns the TTL pseudo-label's value, if any.
  private Optional<Duration> splitLabels(byte[] labels, Map<String, byte[]> result) {
    Optional<Duration> ttl = Optional.empty();
    if (labels.length <= 1) {
      return ttl;
    }
    String all = new String(labels, 1, labels.length - 1, StandardCharsets.ISO_8859_1);
    String[] components = all.split("/", -1);
    if (components.length % 2 != 0) {
      throw new BadRequestException(
          "odd number of components in label string " + GoQuote.quote(labels));
    }
    for (int i = 0; i < components.length; i += 2) {
      byte[] name = latin1(components[i]);
      byte[] value = latin1(components[i + 1]);
      boolean base64 = endsWith(name, BASE64_SUFFIX);
      byte[] trimmed = base64 ? Arrays.copyOf(name, name.length - BASE64_SUFFIX.length) : name;
      if (Arrays.equals(trimmed, TtlLabel.NAME_BYTES)) {
        ttl = Optional.of(TtlLabel.parse(base64 ? decodeValue(trimmed, value) : value));
        continue;
      }
      String labelName = validName(trimmed);
      result.put(labelName, base64 ? decodeValue(trimmed, value) : value);
    }
    return ttl;
  }

  private String validName(byte[] trimmed) {
    byte[] unescaped = utf8Names ? unescapeName(trimmed) : trimmed;
    boolean valid =
        utf8Names
            ? unescaped.length > 0 && Utf8.isValid(unescaped)
            : NameValidation.isLegacyLabelName(new String(unescaped, StandardCharsets.ISO_8859_1));
    boolean reserved = trimmed.length >= 2 && trimmed[0] == '_' && trimmed[1] == '_';
    if (!valid || reserved) {
      throw new BadRequestException("improper label name " + GoQuote.quote(trimmed));
    }
    return new String(unescaped, StandardCharsets.UTF_8);
  }

  private static byte[] decodeValue(byte[] name, byte[] value) {
    GoBase64.Decoded decoded = GoBase64.decodeTrimmed(value);
    if (decoded.error().isPresent()) {
      throw new BadRequestException(
          "invalid base64 encoding for label "
              + new String(name, StandardCharsets.UTF_8)
              + "="
              + GoQuote.quote(value)
              + ": "
              + decoded.error().get());
    }
    return decoded.bytes();
  }

  /**
   * prometheus/common's {@code UnescapeName} with the value-encoding scheme: {@code U__} then
   * {@code __} for {@code _} and {@code _<hex>_} for a code point; anything malformed leaves the
   * whole name as it is.
   */
  static byte[] unescapeName(byte[] name) {
    if (!startsWithU(name)) {
      return name;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(name.length);
    int i = 3;
    while (i < name.length) {
      if (name[i] != '_') {
        out.write(name[i++]);
        continue;
      }
      i++;
      if (i >= name.length) {
        return name;
      }
      if (name[i] == '_') {
        out.write('_');
        i++;
        continue;
      }
      int end = i;
      int codePoint = 0;
      while (true) {
        // Upstream checks the length before the closing underscore, so at most 5 digits pass.
        if (end >= name.length || end - i >= 6) {
          return name;
        }
        if (name[end] == '_') {
          break;
        }
        int digit = Character.digit(name[end], 16);
        if (digit < 0) {
          return name;
        }
        codePoint = codePoint * 16 + digit;
        end++;
      }
      if (!isValidRune(codePoint)) {
        return name;
      }
      byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
      out.write(utf8, 0, utf8.length);
      i = end + 1;
    }
    return out.toByteArray();
  }

  private static boolean startsWithU(byte[] name) {
    return name.length >= 3 && name[0] == 'U' && name[1] == '_' && name[2] == '_';
  }

  private static boolean isValidRune(int r) {
    return r >= 0 && r <= 0x10ffff && (r < 0xd800 || r > 0xdfff);
  }

  private static boolean endsWith(byte[] b, byte[] suffix) {
    if (b.length < suffix.length) {
      return false;
    }
    return Arrays.equals(b, b.length - suffix.length, b.length, suffix, 0, suffix.length);
  }

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
