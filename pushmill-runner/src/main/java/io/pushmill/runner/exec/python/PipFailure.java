package io.pushmill.runner.exec.python;

import java.util.List;
import java.util.Locale;

/** Explains a failed {@code pip install} from its output, naming the packages it was given. */
final class PipFailure {
  private static final List<String> NETWORK_SIGNS =
      List.of(
          "newconnectionerror",
          "failed to establish a new connection",
          "connection broken by",
          "could not fetch url",
          "connecttimeout",
          "connection timed out",
          "temporary failure in name resolution",
          "name or service not known",
          "network is unreachable",
          "proxyerror");

  private PipFailure() {}

  static String message(List<String> specs, String pipOutput) {
    String packages =
        specs.size() == 1 ? "package '" + specs.get(0) + "'" : "packages " + quoted(specs);
    String lower = pipOutput.toLowerCase(Locale.ROOT);
    if (NETWORK_SIGNS.stream().anyMatch(lower::contains)) {
      return "cannot install Python "
          + packages
          + ": "
          + (specs.size() == 1 ? "it is" : "they are")
          + " not installed and no package index could be reached";
    }
    return "cannot install Python " + packages + ": pip failed: " + lastError(pipOutput);
  }

  private static String quoted(List<String> specs) {
    return String.join(", ", specs.stream().map(s -> "'" + s + "'").toList());
  }

  private static String lastError(String output) {
    List<String> lines = output.strip().lines().map(String::strip).toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("ERROR:")) {
        return lines.get(i).substring("ERROR:".length()).strip();
      }
    }
    return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
  }
}
