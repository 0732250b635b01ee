package io.pushmill.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pushmill script push FILE --path P}: stores a new version of a script. */
@Command(name = "script", description = "Manage scripts.", subcommands = ScriptCommand.Push.class,
    mixinStandardHelpOptions = true)
public final class ScriptCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "Missing subcommand: pushmill script push FILE --path P");
  }

  /** Pushes one file; an unchanged file keeps the current version. */
  @Command(name = "push", mixinStandardHelpOptions = true,
      description = "Push a script file (.py, .sh or .java) to a path such as u/admin/my_script.")
  static final class Push extends ClientCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The script file.")
    Path file;

    @Option(names = "--path", required = true, paramLabel = "<path>",
        description = "Where it is stored: u/<user>/<name> or f/<folder>/<name>.")
    String path;

    @Option(names = "--language", paramLabel = "<language>",
        description = "python3, bash or java; default: from the file's extension.")
    String language;

    @Option(names = "--summary", defaultValue = "", paramLabel = "<text>",
        description = "A one-line summary.")
    String summary;

    @Override
    int execute(ApiClient api) {
      ObjectNode body = Json.object();
      body.put("path", path).put("language", language().id()).put("content", content())
          .put("summary", summary).put("description", "");
      Optional<String> before = previousHash(api);
      String hash = api.post("scripts/create", body);
      out().println(before.filter(hash::equals).isPresent()
          ? "script " + path + " is unchanged (hash " + hash + ")"
          : "pushed script " + path + " (hash " + hash + ")");
      return 0;
    }

    private Optional<String> previousHash(ApiClient api) {
      ApiClient.Answer a = api.getMaybe("scripts/get/p/" + path);
      return a.status() == 404 ? Optional.empty() : Optional.of(a.json().path("hash").asText());
    }

    private String content() {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw usage("script file not found: " + file);
      } catch (IOException e) {
        throw usage("cannot read script file " + file + ": " + e.getMessage());
      }
    }

    private Language language() {
      if (language != null) {
        return Language.byId(language).orElseThrow(() -> usage("invalid --language '" + language
            + "': use python3, bash or java"));
      }
      String name = file.getFileName().toString();
      if (name.endsWith(".py")) {
        return Language.PYTHON3;
      } else if (name.endsWith(".sh")) {
        return Language.BASH;
      } else if (name.endsWith(".java")) {
        return Language.JAVA;
      }
      throw usage("cannot tell the language of " + file
          + " from its extension (.py, .sh, .java): give --language");
    }
  }
}
