package io.pushmill.gateway.http;

import io.pushmill.metrics.proto.ProtobufFormat;
import io.pushmill.metrics.text.NameEscaping;
import io.pushmill.metrics.text.TextWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The format of a scrape, negotiated from {@code Accept} as prometheus/common v0.69's {@code
 * expfmt.Negotiate} does: clauses by quality, the first that asks for delimited protobuf or for
 * {@code text/plain} (version 0.0.4 or none) wins, anything else falls back to text; an {@code
 * escaping} parameter seen on the way selects the name escaping. OpenMetrics is never served.
 *
 * <p>Protobuf in {@code text} or {@code compact-text} encoding is answered with the text format:
 * Go's protobuf text output has no stable form to reproduce.
 */
public record ScrapeFormat(boolean protobuf, NameEscaping.Scheme escaping) {

  /** The {@code Content-Type} header of the answer, with the escaping scheme as HEAD sends it. */
  public String contentType() {
    return (protobuf ? ProtobufFormat.CONTENT_TYPE : TextWriter.CONTENT_TYPE)
        + "; escaping="
        + escaping.parameter();
  }

  /** The format for this {@code Accept} header value (empty when absent). */
  public static ScrapeFormat negotiate(String accept) {
    NameEscaping.Scheme escaping = NameEscaping.Scheme.UNDERSCORES;
    for (Clause c : parse(accept)) {
      String e = c.params.get("escaping");
      if (e != null) {
        escaping = NameEscaping.Scheme.fromParameter(e).orElse(escaping);
      }
      String version = c.params.getOrDefault("version", "");
      if ((c.type + "/" + c.subType).equals("application/vnd.google.protobuf")
          && "io.prometheus.client.MetricFamily".equals(c.params.get("proto"))) {
        String encoding = c.params.getOrDefault("encoding", "");
        if (encoding.equals("delimited")) {
          return new ScrapeFormat(true, escaping);
        }
        if (encoding.equals("text") || encoding.equals("compact-text")) {
          return new ScrapeFormat(false, escaping);
        }
      }
      if (c.type.equals("text")
          && c.subType.equals("plain")
          && (version.equals("0.0.4") || version.isEmpty())) {
        return new ScrapeFormat(false, escaping);
      }
    }
    return new ScrapeFormat(false, escaping);
  }

  private record Clause(String type, String subType, double q, Map<String, String> params) {}

  /** munnerz/goautoneg's {@code ParseAccept}, including its insertion sort by quality. */
  private static List<Clause> parse(String header) {
    List<Clause> clauses = new ArrayList<>();
    for (String part : header.split(",", -1)) {
      String[] mrp = part.strip().split(";", -1);
      String[] sp = mrp[0].split("/", -1);
      String type = sp[0].strip();
      String subType;
      if (sp.length == 1 && type.equals("*")) {
        subType = "*";
      } else if (sp.length == 2) {
        subType = sp[1].strip();
      } else {
        continue;
      }
      double q = 1.0;
      Map<String, String> params = new HashMap<>();
      for (int i = 1; i < mrp.length; i++) {
        String[] kv = mrp[i].split("=", 2);
        if (kv.length != 2) {
          continue;
        }
        if (kv[0].strip().equals("q")) {
          q = parseQ(kv[1]);
        } else {
          params.put(kv[0].strip(), kv[1].strip());
        }
      }
      clauses.add(new Clause(type, subType, q, params));
    }
    for (int i = 1; i < clauses.size(); i++) {
      for (int j = i; j > 0 && less(clauses.get(j), clauses.get(j - 1)); j--) {
        clauses.set(j, clauses.set(j - 1, clauses.get(j)));
      }
    }
    return clauses;
  }

  private static double parseQ(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean less(Clause a, Clause b) {
    return a.q > b.q
        || (!a.type.equals("*") && b.type.equals("*"))
        || (!a.subType.equals("*") && b.subType.equals("*"));
  }
}
