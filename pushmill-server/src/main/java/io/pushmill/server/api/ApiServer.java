package io.pushmill.server.api;

import io.pushmill.gateway.http.ListenAddress;
import io.pushmill.gateway.http.PlainErrorHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jetty 12 server with its handler on virtual threads, one connector per listen address
 * ({@code host:port}, or {@code :port} for every interface; port 0 picks a free one). It serves
 * the API, or only {@code /metrics} in a worker. {@link #stop()} stops accepting and lets running
 * requests finish.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final long STOP_TIMEOUT_MS = 30_000;

  private final Server server;
  private final String name;
  private LocalConnector local;

  private ApiServer(Handler handler, List<ListenAddress> addresses, String name) {
    this.name = name;
    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setName(name);
    pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server = new Server(pool);
    server.setStopTimeout(STOP_TIMEOUT_MS);
    server.setErrorHandler(new PlainErrorHandler());
    for (ListenAddress a : addresses) {
      ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http()));
      c.setHost(a.host().orElse(null));
      c.setPort(a.port());
      server.addConnector(c);
    }
    server.setHandler(new GracefulHandler(handler));
  }

  /**
   * A server for {@code handler} on these addresses.
   *
   * @param name names the threads and the log lines
   * @throws IllegalArgumentException for a malformed address, naming it
   */
  public static ApiServer create(Handler handler, List<String> listenAddresses, String name) {
    return new ApiServer(handler, listenAddresses.stream().map(ListenAddress::parse).toList(),
        name);
  }

  /** A connector without a socket, for tests; call before {@link #start()}. */
  public LocalConnector localConnector() {
    if (local == null) {
      local = new LocalConnector(server, new HttpConnectionFactory(http()));
      server.addConnector(local);
    }
    return local;
  }

  public void start() throws Exception {
    server.start();
    for (URI uri : uris()) {
      LOG.info("{} listening on {}", name, uri);
    }
  }

  /** Where the server listens, with the ports actually bound. */
  public List<URI> uris() {
    List<URI> uris = new ArrayList<>();
    for (Connector c : server.getConnectors()) {
      if (c instanceof NetworkConnector n) {
        String host = n.getHost() == null ? "0.0.0.0" : n.getHost();
        host = host.contains(":") ? "[" + host + "]" : host;
        uris.add(URI.create("http://" + host + ":" + n.getLocalPort() + "/"));
      }
    }
    return uris;
  }

  /** Stops accepting and waits (up to 30 s) for running requests. */
  public void stop() throws Exception {
    server.stop();
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (Exception e) {
      throw new IllegalStateException("the " + name + " HTTP server did not stop cleanly", e);
    }
  }

  private static HttpConfiguration http() {
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    return config;
  }
}
