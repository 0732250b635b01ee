package io.pushmill.gateway.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the gateway reports about its build: in {@code /api/v1/status}, on the UI's status tab and
 * as the labels of {@code pushgateway_build_info}. The runtime version fills upstream's {@code
 * goVersion} slot.
 */
public record BuildInfo(
    String version,
    String revision,
    String branch,
    String buildUser,
    String buildDate,
    String runtimeVersion) {

  public BuildInfo {
    if (version == null
        || revision == null
        || branch == null
        || buildUser == null
        || buildDate == null
        || runtimeVersion == null) {
      throw new IllegalArgumentException("build information fields must not be null");
    }
  }

  /** The version of this package's jar, "unknown" elsewhere, and the running JVM. */
  public static BuildInfo of(String version) {
    return new BuildInfo(
        version, "unknown", "unknown", "unknown", "unknown", "java" + Runtime.version());
  }

  /** Upstream's keys: {@code version, revision, branch, buildUser, buildDate, goVersion}. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("version", version);
    m.put("revision", revision);
    m.put("branch", branch);
    m.put("buildUser", buildUser);
    m.put("buildDate", buildDate);
    m.put("goVersion", runtimeVersion);
    return m;
  }
}
