package io.pushmill.gateway.http;

import io.pushmill.gateway.history.PushHistory;
import io.pushmill.gateway.http.config.TlsContextFactory;
import io.pushmill.gateway.http.config.WebConfig;
import io.pushmill.gateway.http.config.WebConfigHandler;
import io.pushmill.gateway.http.config.WebConfigSource;
import io.pushmill.gateway.http.metrics.ExtensionMetrics;
import io.pushmill.gateway.http.metrics.GatewayMetrics;
import io.pushmill.gateway.http.metrics.MetricSource;
import io.pushmill.gateway.store.MetricStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's HTTP server: Jetty 12 with handlers on virtual threads, one connector per listen
 * address (TLS when the web configuration says so), the web configuration's auth and headers in
 * front of every route.
 *
 * <p>Lifecycle: {@link #create}, optionally {@link #addMetricSource} and {@link #localConnector()},
 * then {@link #start()}; {@link #quitRequested()} completes when {@code PUT /-/quit} asks for
 * shutdown; {@link #stop()} lets running requests finish. Closing the store is the caller's job,
 * after {@link #stop()}.
 */
public final class GatewayServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

  /** Request line and headers; longer URLs get 414, larger headers 431. */
  static final int MAX_REQUEST_HEADER_SIZE = 64 * 1024;

  private final Server server;
  private final GatewayMetrics metrics;
  private final CompletableFuture<Void> quit = new CompletableFuture<>();
  private final Optional<WebConfigSource> webConfig;
  private final List<String> listenAddresses;
  private LocalConnector local;

  private GatewayServer(
      MetricStore store, GatewayMetrics metrics, GatewayOptions options, PushHistory history) {
    this.metrics = metrics;
    this.listenAddresses = options.listenAddresses();
    this.webConfig = options.webConfigFile().map(WebConfigSource::new);
    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setName("gateway");
    pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server = new Server(pool);
    server.setStopTimeout(30_000);
    server.setErrorHandler(new PlainErrorHandler());
    Optional<WebConfig.Tls> tls = webConfig.flatMap(w -> w.initial().tls());
    Optional<TlsContextFactory> ssl = tls.map(TlsContextFactory::new);
    ssl.ifPresent(f -> webConfig.get().onTlsChange(t -> reloadTls(f, t)));
    for (String address : listenAddresses) {
      server.addConnector(connector(ListenAddress.parse(address), ssl));
    }
    Handler routes =
        new GatewayHandler(store, metrics, options, () -> quit.complete(null), history);
    metrics.addSource(new ExtensionMetrics(store, history));
    Handler front = webConfig.<Handler>map(w -> new WebConfigHandler(w, routes)).orElse(routes);
    server.setHandler(new GracefulHandler(front));
  }

  /**
   * A server for this store.
   *
   * @param metrics the own metrics; the store must have been built with the same object as its
   *     {@link io.pushmill.gateway.store.OwnMetrics}
   * @throws io.pushmill.gateway.http.config.WebConfigException when the web configuration file
   *     cannot be used
   * @throws IllegalArgumentException for a malformed listen address
   */
  public static GatewayServer create(
      MetricStore store, GatewayMetrics metrics, GatewayOptions options) {
    return new GatewayServer(store, metrics, options, PushHistory.disabled());
  }

  /**
   * A server for this store that also serves its push history ({@code /api/v1/history}); the
   * history must be the store's {@link io.pushmill.gateway.store.StoreOptions#listener()}.
   *
   * @see #create(MetricStore, GatewayMetrics, GatewayOptions)
   */
  public static GatewayServer create(
      MetricStore store, GatewayMetrics metrics, GatewayOptions options, PushHistory history) {
    return new GatewayServer(store, metrics, options, history);
  }

  /** Adds families to the own part of every scrape (and to the consistency check). */
  public void addMetricSource(MetricSource source) {
    metrics.addSource(source);
  }

  /** The own metrics, e.g. to add a source. */
  public GatewayMetrics metrics() {
    return metrics;
  }

  /** A connector without a socket, for tests; call before {@link #start()}. */
  public LocalConnector localConnector() {
    if (local == null) {
      local = new LocalConnector(server, new HttpConnectionFactory(httpConfiguration()));
      server.addConnector(local);
    }
    return local;
  }

  /** Binds every listen address and starts serving. */
  public void start() throws Exception {
    server.start();
    for (URI uri : uris()) {
      LOG.atInfo().addKeyValue("address", uri.getAuthority()).log("Listening on");
    }
    String tlsState =
        webConfig.flatMap(w -> w.initial().tls()).isPresent() ? "enabled" : "disabled";
    LOG.atInfo().addKeyValue("http2", false).log("TLS is " + tlsState + ".");
  }

  /** Where the server listens, with the ports actually bound (useful with port 0). */
  public List<URI> uris() {
    List<URI> uris = new ArrayList<>();
    for (Connector c : server.getConnectors()) {
      if (c instanceof NetworkConnector n) {
        String scheme =
            n.getConnectionFactory(SslConnectionFactory.class) != null ? "https" : "http";
        String host = n.getHost() == null ? "0.0.0.0" : n.getHost();
        host = host.contains(":") ? "[" + host + "]" : host;
        uris.add(URI.create(scheme + "://" + host + ":" + n.getLocalPort() + "/"));
      }
    }
    return uris;
  }

  /** Completes when a client asked for shutdown through {@code /-/quit}. */
  public CompletableFuture<Void> quitRequested() {
    return quit;
  }

  /** Stops accepting requests and waits (up to 30 s) for running ones. */
  public void stop() throws Exception {
    server.stop();
    LOG.info("HTTP server stopped");
  }

  /** {@link #stop()}, for try-with-resources; a failure to stop becomes unchecked. */
  @Override
  public void close() {
    try {
      stop();
    } catch (Exception e) {
      throw new IllegalStateException("the gateway's HTTP server did not stop cleanly", e);
    }
  }

  private Connector connector(ListenAddress address, Optional<TlsContextFactory> ssl) {
    HttpConfiguration config = httpConfiguration();
    ServerConnector connector;
    if (ssl.isPresent()) {
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      secure.setSniHostCheck(false);
      config.addCustomizer(secure);
      ConnectionFactory http = new HttpConnectionFactory(config);
      connector =
          new ServerConnector(
              server, new SslConnectionFactory(ssl.get(), http.getProtocol()), http);
    } else {
      connector = new ServerConnector(server, new HttpConnectionFactory(config));
    }
    connector.setHost(address.host().orElse(null));
    connector.setPort(address.port());
    return connector;
  }

  private static HttpConfiguration httpConfiguration() {
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendDateHeader(true);
    config.setRequestHeaderSize(MAX_REQUEST_HEADER_SIZE);
    // Paths are decoded and cleaned by the gateway as Go does: %2F, //, .. must reach it.
    config.setUriCompliance(UriCompliance.UNSAFE);
    return config;
  }

  private static void reloadTls(TlsContextFactory factory, WebConfig.Tls tls) {
    try {
      factory.reload(tls);
      LOG.info("TLS certificate reloaded");
    } catch (Exception e) {
      throw new IllegalStateException("TLS reload failed: " + e.getMessage(), e);
    }
  }
}
