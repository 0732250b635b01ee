package io.pushmill.server.cli;

import io.pushmill.server.api.auth.AdminToken;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the client commands send requests and with which token: {@code --url}, {@code --token}
 * (else {@code PUSHMILL_TOKEN}, else the {@code admin-token} file in {@code --data-dir}) and
 * {@code --workspace}.
 */
public final class ClientOptions {
  /** The environment variable the token is read from when {@code --token} is not given. */
  public static final String TOKEN_ENV = "PUSHMILL_TOKEN";

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--url", defaultValue = "http://127.0.0.1:8000", paramLabel = "<url>",
      description = "Base URL of the Pushmill API (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(names = "--token", paramLabel = "<token>",
      description = "API token; default: $" + TOKEN_ENV + ", else the admin-token file in --data-dir.")
  String token;

  @Option(names = "--workspace", defaultValue = "demo", paramLabel = "<id>",
      description = "Workspace (default: ${DEFAULT-VALUE}).")
  String workspace;

  @Option(names = "--data-dir", defaultValue = "./data", paramLabel = "<dir>",
      description = "Data directory whose admin-token file is used when no token is given "
          + "(default: ${DEFAULT-VALUE}).")
  Path dataDir;

  /** The client these options describe; a usage error when the URL or the token is missing. */
  public ApiClient client() {
    return new ApiClient(uri(), resolveToken(System.getenv()), workspace);
  }

  URI uri() {
    try {
      URI u = new URI(url);
      if (u.getScheme() == null || u.getHost() == null) {
        throw new URISyntaxException(url, "it needs a scheme and a host, e.g. http://127.0.0.1:8000");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new ParameterException(spec.commandLine(), "invalid --url '" + url + "': "
          + e.getReason());
    }
  }

  String resolveToken(Map<String, String> env) {
    if (token != null && !token.isBlank()) {
      return token.strip();
    }
    String fromEnv = env.get(TOKEN_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    Path file = dataDir.resolve(AdminToken.FILE_NAME);
    Optional<AdminToken> admin = AdminToken.read(file);
    return admin.map(AdminToken::value).orElseThrow(() -> new ParameterException(
        spec.commandLine(), "no API token: give --token, set " + TOKEN_ENV + ", or point "
            + "--data-dir at the server's data directory (" + file + " does not exist)"));
  }
}
