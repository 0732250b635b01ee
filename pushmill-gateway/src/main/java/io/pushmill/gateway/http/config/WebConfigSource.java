package io.pushmill.gateway.http.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web configuration file, re-read when it (or a certificate, key or CA file it names) changes:
 * upstream reads it on every request, which a file-stamp check gives at the cost of a few {@code
 * stat}s. A file that no longer parses makes {@link #current()} report the error (requests then get
 * 500, as upstream) until it is fixed.
 */
public final class WebConfigSource {
  private static final Logger LOG = LoggerFactory.getLogger(WebConfigSource.class);

  private final Path file;
  private final List<Consumer<WebConfig.Tls>> tlsListeners = new ArrayList<>();
  private volatile State state;

  /** What the file holds now: a configuration or the reason it has none. */
  public record Loaded(Optional<WebConfig> config, Optional<String> error) {}

  private record State(Object fileStamp, List<Object> tlsStamps, Loaded loaded) {}

  /**
   * Reads the file once.
   *
   * @throws WebConfigException when it cannot be read or used, so that start-up fails clearly
   */
  public WebConfigSource(Path file) {
    this.file = file;
    WebConfig config = load();
    config.tls().ifPresent(TlsContextFactory::validate);
    state =
        new State(
            stamp(file), tlsStamps(config), new Loaded(Optional.of(config), Optional.empty()));
  }

  /** The configuration read at start-up or last change. */
  public WebConfig initial() {
    return state.loaded().config().orElseThrow();
  }

  /** Called with the new TLS settings when they change and load. */
  public synchronized void onTlsChange(Consumer<WebConfig.Tls> listener) {
    tlsListeners.add(listener);
  }

  /** The current configuration, re-read if the files changed since the last call. */
  public Loaded current() {
    State s = state;
    if (stamp(file).equals(s.fileStamp())
        && tlsStamps(s.loaded().config().orElse(null)).equals(s.tlsStamps())) {
      return s.loaded();
    }
    return reload();
  }

  private synchronized Loaded reload() {
    State previous = state;
    WebConfig config;
    try {
      config = load();
    } catch (WebConfigException e) {
      LOG.atError()
          .addKeyValue("file", file)
          .addKeyValue("err", e.getMessage())
          .log("Unable to parse configuration");
      Loaded failed = new Loaded(Optional.empty(), Optional.of(e.getMessage()));
      state = new State(stamp(file), List.of(), failed);
      return failed;
    }
    Optional<WebConfig.Tls> oldTls = previous.loaded().config().flatMap(WebConfig::tls);
    List<Object> tlsStamps = tlsStamps(config);
    if (config.tls().isPresent()
        && (!config.tls().equals(oldTls) || !tlsStamps.equals(previous.tlsStamps()))) {
      notifyTls(config.tls().get());
    }
    Loaded loaded = new Loaded(Optional.of(config), Optional.empty());
    state = new State(stamp(file), tlsStamps, loaded);
    LOG.atInfo().addKeyValue("file", file).log("web configuration reloaded");
    return loaded;
  }

  private void notifyTls(WebConfig.Tls tls) {
    for (Consumer<WebConfig.Tls> l : tlsListeners) {
      try {
        l.accept(tls);
      } catch (RuntimeException e) {
        LOG.atError()
            .addKeyValue("err", e.getMessage())
            .log("new TLS settings could not be loaded; keeping the previous ones");
      }
    }
  }

  private WebConfig load() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new WebConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Path dir = file.toAbsolutePath().getParent();
    return WebConfigParser.parse(bytes, dir);
  }

  private static List<Object> tlsStamps(WebConfig config) {
    List<Object> stamps = new ArrayList<>();
    if (config != null) {
      config
          .tls()
          .ifPresent(
              t -> {
                t.certFile().ifPresent(f -> stamps.add(stamp(f)));
                t.keyFile().ifPresent(f -> stamps.add(stamp(f)));
                t.clientCaFile().ifPresent(f -> stamps.add(stamp(f)));
              });
    }
    return stamps;
  }

  private static Object stamp(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return List.of(a.lastModifiedTime().toInstant(), a.size(), String.valueOf(a.fileKey()));
    } catch (IOException e) {
      return "missing";
    }
  }
}
