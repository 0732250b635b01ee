package io.pushmill.gateway.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Settings of the gateway's HTTP surface; most mirror upstream flags of the same name.
 *
 * @param listenAddresses {@code --web.listen-address}: {@code host:port}, {@code :port} for every
 *     interface; port 0 picks a free one; none at all for a server reached only through {@link
 *     GatewayServer#localConnector()}
 * @param telemetryPath {@code --web.telemetry-path}
 * @param externalUrl {@code --web.external-url}
 * @param routePrefix {@code --web.route-prefix} as given; empty means the external URL's path
 * @param enableAdminApi {@code --web.enable-admin-api}
 * @param enableLifecycle {@code --web.enable-lifecycle}
 * @param consistencyCheck the opposite of {@code --push.disable-consistency-check}
 * @param utf8Names {@code --push.enable-utf8-names}
 * @param maxBodySize {@code --push.max-body-size} in bytes, before and after decompression
 * @param webConfigFile {@code --web.config.file}
 * @param flags every flag and its value as {@code /api/v1/status} and the UI show them
 * @param buildInfo what the build reports
 * @param clock the time of pushes and of the start time
 */
public record GatewayOptions(
    List<String> listenAddresses,
    String telemetryPath,
    Optional<URI> externalUrl,
    String routePrefix,
    boolean enableAdminApi,
    boolean enableLifecycle,
    boolean consistencyCheck,
    boolean utf8Names,
    long maxBodySize,
    Optional<Path> webConfigFile,
    Map<String, String> flags,
    BuildInfo buildInfo,
    InstantSource clock) {

  /** 64 MiB: see {@code docs/differences.md}, section HTTP. */
  public static final long DEFAULT_MAX_BODY_SIZE = 64L * 1024 * 1024;

  public GatewayOptions {
    if (listenAddresses == null) {
      throw new IllegalArgumentException("listen addresses must not be null");
    }
    if (maxBodySize <= 0) {
      throw new IllegalArgumentException("the maximum body size must be positive: " + maxBodySize);
    }
    listenAddresses = List.copyOf(listenAddresses);
    flags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flags));
  }

  /** Upstream's defaults, listening on {@code :9091}. */
  public static GatewayOptions defaults() {
    return new GatewayOptions(
        List.of(":9091"),
        "/metrics",
        Optional.empty(),
        "",
        false,
        false,
        true,
        false,
        DEFAULT_MAX_BODY_SIZE,
        Optional.empty(),
        Map.of(),
        BuildInfo.of("unknown"),
        InstantSource.system());
  }

  /**
   * The prefix of every route, as upstream's {@code computeRoutePrefix}: the flag, else the
   * external URL's path; {@code /} becomes empty; a leading slash added, a trailing one removed.
   */
  public String effectiveRoutePrefix() {
    return computePrefix(routePrefix);
  }

  /**
   * The prefix the UI puts before its links and assets: the external URL's path, or {@code .} when
   * there is none, so that links stay relative.
   */
  public String externalPathPrefix() {
    String p = computePrefix("");
    return p.isEmpty() ? "." : p;
  }

  private String computePrefix(String prefix) {
    if (prefix.isEmpty()) {
      prefix = externalUrl.map(URI::getRawPath).orElse("");
      prefix = prefix == null ? "" : prefix;
    }
    if (prefix.equals("/")) {
      return "";
    }
    if (!prefix.startsWith("/")) {
      prefix = "/" + prefix;
    }
    return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  /** These options listening elsewhere. */
  public GatewayOptions withListenAddresses(List<String> addresses) {
    return with(p -> p.listenAddresses = addresses);
  }

  /** These options with the admin API and the lifecycle API switched on or off. */
  public GatewayOptions withApis(boolean adminApi, boolean lifecycle) {
    return with(p -> {
      p.enableAdminApi = adminApi;
      p.enableLifecycle = lifecycle;
    });
  }

  /** These options with other push settings. */
  public GatewayOptions withPush(boolean check, boolean utf8, long maxBody) {
    return with(p -> {
      p.consistencyCheck = check;
      p.utf8Names = utf8;
      p.maxBodySize = maxBody;
    });
  }

  /** These options with other paths. */
  public GatewayOptions withPaths(String telemetry, Optional<URI> external, String prefix) {
    return with(p -> {
      p.telemetryPath = telemetry;
      p.externalUrl = external;
      p.routePrefix = prefix;
    });
  }

  /** These options with a web configuration file. */
  public GatewayOptions withWebConfigFile(Optional<Path> file) {
    return with(p -> p.webConfigFile = file);
  }

  /** These options reporting other flags and build information. */
  public GatewayOptions withReport(Map<String, String> allFlags, BuildInfo build) {
    return with(p -> {
      p.flags = allFlags;
      p.buildInfo = build;
    });
  }

  /** These options with another clock. */
  public GatewayOptions withClock(InstantSource newClock) {
    return with(p -> p.clock = newClock);
  }

  /** A copy with {@code change} applied to its components; the canonical constructor checks it. */
  private GatewayOptions with(Consumer<Parts> change) {
    Parts parts = new Parts(this);
    change.accept(parts);
    return parts.build();
  }

  /** The components of a set of options, for the withers to change. */
  private static final class Parts {
    private List<String> listenAddresses;
    private String telemetryPath;
    private Optional<URI> externalUrl;
    private String routePrefix;
    private boolean enableAdminApi;
    private boolean enableLifecycle;
    private boolean consistencyCheck;
    private boolean utf8Names;
    private long maxBodySize;
    private Optional<Path> webConfigFile;
    private Map<String, String> flags;
    private BuildInfo buildInfo;
    private InstantSource clock;

    Parts(GatewayOptions o) {
      listenAddresses = o.listenAddresses;
      telemetryPath = o.telemetryPath;
      externalUrl = o.externalUrl;
      routePrefix = o.routePrefix;
      enableAdminApi = o.enableAdminApi;
      enableLifecycle = o.enableLifecycle;
      consistencyCheck = o.consistencyCheck;
      utf8Names = o.utf8Names;
      maxBodySize = o.maxBodySize;
      webConfigFile = o.webConfigFile;
      flags = o.flags;
      buildInfo = o.buildInfo;
      clock = o.clock;
    }

    GatewayOptions build() {
      return new GatewayOptions(listenAddresses, telemetryPath, externalUrl, routePrefix,
          enableAdminApi, enableLifecycle, consistencyCheck, utf8Names, maxBodySize,
          webConfigFile, flags, buildInfo, clock);
    }
  }
}
