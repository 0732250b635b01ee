package io.pushmill.server.multiproc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Pushmill gateway as a scraper and an operator see it: the text scrape, and group deletes. */
final class Gateway {
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One sample of the scrape. */
  record Sample(Map<String, String> labels, double value) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;

  /** @param address {@code host:port} */
  Gateway(String address) {
    this.base = URI.create("http://" + address);
  }

  String scrape() {
    return send(HttpRequest.newBuilder(base.resolve("/metrics")).GET(), 200);
  }

  /** The samples of {@code metric}, with their labels. */
  List<Sample> samples(String metric) {
    List<Sample> samples = new ArrayList<>();
    Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "\\{(.*)} (\\S+)$",
        Pattern.MULTILINE);
    Matcher m = line.matcher(scrape());
    while (m.find()) {
      Map<String, String> labels = new HashMap<>();
      Matcher l = LABEL.matcher(m.group(1));
      while (l.find()) {
        labels.put(l.group(1), l.group(2));
      }
      samples.add(new Sample(labels, Double.parseDouble(m.group(2))));
    }
    return samples;
  }

  /** The {@code job} label of each group holding {@code metric}. */
  List<String> jobLabels(String metric) {
    return samples(metric).stream().map(s -> s.labels().getOrDefault("job", "")).toList();
  }

  /** The value of {@code metric} in the group of {@code job}; fails unless exactly one. */
  double value(String metric, String job) {
    List<Sample> matching = samples(metric).stream()
        .filter(s -> job.equals(s.labels().get("job"))).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected one " + metric + " of job " + job + ", got " + matching);
    }
    return matching.getFirst().value();
  }

  /** Deletes the group {@code {job="<job>"}}, named in base64 since the job holds slashes. */
  void deleteGroup(String job) {
    String encoded = Base64.getUrlEncoder().encodeToString(job.getBytes(StandardCharsets.UTF_8));
    send(HttpRequest.newBuilder(base.resolve("/metrics/job@base64/" + encoded)).DELETE(), 202);
  }

  private String send(HttpRequest.Builder request, int expected) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != expected) {
        throw new AssertionError(request.build().uri() + " answered " + r.statusCode() + ": "
            + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
