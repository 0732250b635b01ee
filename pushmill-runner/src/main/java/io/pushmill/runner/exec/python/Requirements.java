package io.pushmill.runner.exec.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Python script's requirements, as Windmill finds them: the lines of a {@code # requirements:}
 * comment block when the script has one, else its third-party imports mapped to the packages that
 * provide them (mostly the same name; a few well-known exceptions are mapped).
 */
public final class Requirements {
  private static final Pattern BLOCK_START =
      Pattern.compile("^#\\s*requirements\\s*:\\s*$", Pattern.CASE_INSENSITIVE);

  /** Import names whose package on PyPI has another name. */
  private static final Map<String, String> PACKAGES =
      Map.ofEntries(
          Map.entry("prometheus_client", "prometheus-client"),
          Map.entry("yaml", "PyYAML"),
          Map.entry("PIL", "Pillow"),
          Map.entry("cv2", "opencv-python"),
          Map.entry("sklearn", "scikit-learn"),
          Map.entry("bs4", "beautifulsoup4"),
          Map.entry("dateutil", "python-dateutil"),
          Map.entry("dotenv", "python-dotenv"),
          Map.entry("jwt", "PyJWT"),
          Map.entry("psycopg2", "psycopg2-binary"),
          Map.entry("attr", "attrs"),
          Map.entry("Crypto", "pycryptodome"),
          Map.entry("OpenSSL", "pyOpenSSL"),
          Map.entry("MySQLdb", "mysqlclient"),
          Map.entry("serial", "pyserial"),
          Map.entry("zmq", "pyzmq"),
          Map.entry("docx", "python-docx"),
          Map.entry("slugify", "python-slugify"),
          Map.entry("magic", "python-magic"));

  private Requirements() {}

  /** The specs of the {@code # requirements:} block, empty when there is none. */
  public static Optional<List<String>> block(String source) {
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (BLOCK_START.matcher(lines.get(i).strip()).matches()) {
        List<String> specs = new ArrayList<>();
        for (int j = i + 1; j < lines.size() && lines.get(j).strip().startsWith("#"); j++) {
          String spec = lines.get(j).strip().substring(1).strip();
          if (!spec.isEmpty()) {
            specs.add(spec);
          }
        }
        return Optional.of(specs);
      }
    }
    return Optional.empty();
  }

  /** The package that provides a top-level module. */
  public static String packageOf(String module) {
    return PACKAGES.getOrDefault(module, module);
  }

  /** The block's specs, or else one requirement per third-party import. */
  public static List<PythonRequirement> of(String source, List<String> thirdPartyImports) {
    Optional<List<String>> block = block(source);
    if (block.isPresent()) {
      return block.get().stream().map(s -> new PythonRequirement(s, Optional.empty())).toList();
    }
    return thirdPartyImports.stream()
        .map(m -> new PythonRequirement(packageOf(m), Optional.of(m)))
        .toList();
  }
}
