package io.pushmill.server.compat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** What of a response is compared, and how its body is normalised first. */
enum Compare {
  /** Status, the headers that matter, and the body byte for byte. */
  EXACT,
  /**
   * A consistency-check error: status, Content-Type and upstream's message prefix. The rest is a
   * Go protobuf DTO rendering and names whichever group Go's map order meets first.
   */
  CONSISTENCY,
  /** A redirect: status and Location (Go's little HTML body is not part of the contract). */
  REDIRECT,
  /** A page for people: status and Content-Type. */
  STATUS_AND_TYPE,
  /** A text scrape, own metrics dropped and push times replaced; Content-Type not compared. */
  SCRAPE,
  /** A text scrape as {@link #SCRAPE}, with Content-Type and Content-Encoding compared. */
  SCRAPE_WITH_HEADERS,
  /** A delimited-protobuf scrape, normalised, with Content-Type compared. */
  SCRAPE_PROTOBUF,
  /** {@code /api/v1/metrics}, parsed, groups sorted, times replaced. */
  API,
  /** {@code /api/v1/metrics} with one group, byte for byte except times (JSON escapes matter). */
  API_RAW,
  /** {@code /api/v1/status}: the flags both gateways share, and the shape of the rest. */
  STATUS_JSON;

  static final String CONSISTENCY_PREFIX =
      "pushed metrics are invalid or inconsistent with existing metrics: ";

  private static final List<String> HEADERS =
      List.of(
          "content-type",
          "allow",
          "location",
          "content-encoding",
          "access-control-allow-headers",
          "access-control-allow-methods",
          "access-control-allow-origin",
          "access-control-expose-headers",
          "cache-control");

  private static final Pattern RAW_STAMP =
      Pattern.compile("\"time_stamp\":\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(Z|[+-]\\d\\d:\\d\\d)\"");
  private static final Pattern RAW_PUSH_TIME = Pattern.compile("\"value\":\"\\d(\\.\\d+)?e\\+09\"");

  View view(HttpReply reply, ScrapeNormalizer scrape) {
    int status = reply.status();
    return switch (this) {
      case EXACT -> new View(status, headers(reply, HEADERS), text(reply.body()));
      case CONSISTENCY -> new View(status, headers(reply, List.of("content-type")), prefix(reply));
      case REDIRECT -> new View(status, headers(reply, List.of("location")), "");
      case STATUS_AND_TYPE -> new View(status, headers(reply, List.of("content-type")), "");
      case SCRAPE -> new View(status, Map.of(), scrapeText(reply, scrape));
      case SCRAPE_WITH_HEADERS ->
          new View(status, headers(reply, List.of("content-type", "content-encoding")), scrapeText(reply, scrape));
      case SCRAPE_PROTOBUF ->
          new View(
              status,
              headers(reply, List.of("content-type", "content-encoding")),
              status == 200 ? ProtobufScrape.normalize(decoded(reply)) : text(reply.body()));
      case API -> new View(status, headers(reply, HEADERS), ApiNormalizer.normalize(reply.text()));
      case API_RAW -> new View(status, headers(reply, HEADERS), rawApi(reply.text()));
      case STATUS_JSON -> new View(status, headers(reply, HEADERS), StatusJson.project(reply.text()));
    };
  }

  private static Map<String, String> headers(HttpReply reply, List<String> names) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : names) {
      reply.header(name).ifPresent(value -> kept.put(name, value));
    }
    return kept;
  }

  private static String prefix(HttpReply reply) {
    String body = text(reply.body());
    return body.startsWith(CONSISTENCY_PREFIX) ? CONSISTENCY_PREFIX + "…" : body;
  }

  private static String scrapeText(HttpReply reply, ScrapeNormalizer scrape) {
    String body = text(decoded(reply));
    return reply.status() == 200 ? scrape.normalize(body) : body;
  }

  private static String rawApi(String body) {
    String stamps = RAW_STAMP.matcher(body).replaceAll("\"time_stamp\":\"" + ApiNormalizer.STAMP_PLACEHOLDER + "\"");
    return RAW_PUSH_TIME.matcher(stamps).replaceAll("\"value\":\"" + OwnMetrics.TIME_PLACEHOLDER + "\"");
  }

  /** The body, gunzipped when the response says it is gzip. */
  static byte[] decoded(HttpReply reply) {
    if (!reply.header("content-encoding").orElse("").equalsIgnoreCase("gzip")) {
      return reply.body();
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(reply.body()))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("response says gzip but is not: " + reply, e);
    }
  }

  private static String text(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    // invalid UTF-8 would be hidden by U+FFFD: show such bodies escaped instead
    return text.contains("\uFFFD") ? Texts.quote(body, Integer.MAX_VALUE) : text;
  }
}
