package io.pushmill.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.runner.model.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The API as the client commands call it: one workspace, one token. A non-2xx answer becomes a
 * {@link ClientException} carrying the server's text as it is; so does an unreachable server.
 */
public final class ApiClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final URI base;
  private final String token;
  private final String workspace;

  public ApiClient(URI base, String token, String workspace) {
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b : b + "/");
    this.token = token;
    this.workspace = workspace;
  }

  /** A status and body, for the calls where a 404 is an answer rather than a failure. */
  public record Answer(int status, String body) {
    public JsonNode json() {
      return Json.parseInput(body, "the server's answer");
    }
  }

  /** GET of a workspace route ({@code scripts/list}); fails unless 2xx. */
  public JsonNode getJson(String route) {
    return ok(send("GET", route, Optional.empty())).json();
  }

  public String getText(String route) {
    return ok(send("GET", route, Optional.empty())).body();
  }

  /** POST of a JSON body to a workspace route; fails unless 2xx. */
  public String post(String route, JsonNode body) {
    return ok(send("POST", route, Optional.of(Json.write(body)))).body();
  }

  /** A GET whose 404 the caller handles. */
  public Answer getMaybe(String route) {
    Answer a = send("GET", route, Optional.empty());
    return a.status() == 404 ? a : ok(a);
  }

  private Answer send(String method, String route, Optional<String> body) {
    URI uri = uri(route);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
    body.ifPresentOrElse(
        text -> b.header("Content-Type", "application/json").method(method,
            HttpRequest.BodyPublishers.ofString(text)),
        () -> b.method(method, HttpRequest.BodyPublishers.noBody()));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (ConnectException e) {
      throw new ClientException("cannot reach the Pushmill API at " + base
          + " (is `pushmill server` running there?)", e);
    } catch (IOException e) {
      throw new ClientException("the request to " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientException("interrupted while waiting for " + uri, e);
    }
  }

  /** The route's URL, characters a URL cannot hold escaped as {@code encodeURI} does. */
  private URI uri(String route) {
    int q = route.indexOf('?');
    String path = base.getPath() + "api/w/" + workspace + "/"
        + (q < 0 ? route : route.substring(0, q));
    try {
      return new URI(base.getScheme(), base.getRawAuthority(), path,
          q < 0 ? null : route.substring(q + 1), null);
    } catch (java.net.URISyntaxException e) {
      throw new ClientException("cannot make a URL of " + route + ": " + e.getMessage(), e);
    }
  }

  private Answer ok(Answer a) {
    if (a.status() / 100 == 2) {
      return a;
    }
    if (a.status() == 401) {
      throw new ClientException("the server refused the token (401): " + a.body().strip()
          + "; give --token, set PUSHMILL_TOKEN, or point --data-dir at the server's data");
    }
    throw new ClientException(a.body().strip().isEmpty() ? "the server answered " + a.status()
        : a.body().strip());
  }

  public String workspace() {
    return workspace;
  }
}
