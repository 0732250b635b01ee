package io.pushmill.server.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The UI's static files, read once from the class path: our own under {@code /static/}, and htmx
 * and uPlot from their webjars under {@code /vendor/} (the webjar's version is read from its
 * {@code pom.properties}, so a version bump in the pom needs no change here). Nothing comes from
 * another site.
 */
final class Assets {
  /** A file as served. */
  record Asset(String contentType, byte[] body) {}

  private static final String OWN = "io/pushmill/server/ui/static/";
  private static final String WEBJARS = "META-INF/resources/webjars/";

  private final Map<String, Asset> byPath = new HashMap<>();

  Assets() {
    for (String name : new String[] {"pushmill.css", "charts.js", "pushmill.js"}) {
      byPath.put("/static/" + name, load(OWN + name));
    }
    String htmx = webjar("htmx.org");
    String uplot = webjar("uplot");
    byPath.put("/vendor/htmx.min.js", load(htmx + "dist/htmx.min.js"));
    byPath.put("/vendor/uPlot.iife.min.js", load(uplot + "dist/uPlot.iife.min.js"));
    byPath.put("/vendor/uPlot.min.css", load(uplot + "dist/uPlot.min.css"));
  }

  /** True for the paths this class answers, found or not. */
  static boolean owns(String path) {
    return path.startsWith("/static/") || path.startsWith("/vendor/")
        || path.equals("/favicon.ico");
  }

  Optional<Asset> find(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** {@code META-INF/resources/webjars/<name>/<version>/} of a webjar on the class path. */
  private static String webjar(String name) {
    String props = "META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
    try (InputStream in = resource(props)) {
      Properties p = new Properties();
      p.load(in);
      return WEBJARS + name + "/" + p.getProperty("version") + "/";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + props, e);
    }
  }

  private static Asset load(String resource) {
    try (InputStream in = resource(resource)) {
      return new Asset(contentType(resource), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the UI's file " + resource, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = Assets.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the UI's file " + name + " is not on the class path");
    }
    return in;
  }

  private static String contentType(String name) {
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    return "application/octet-stream";
  }
}
