package io.pushmill.server;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.RegexTransformer;

/**
 * Gives every negatable boolean a {@code --no-} form whatever its name holds: picocli's default
 * transformer only negates names of word characters, and upstream's flags have dots ({@code
 * --no-web.enable-admin-api}).
 */
public final class KingpinNegation {
  private static final CommandLine.INegatableOptionTransformer TRANSFORMER =
      new RegexTransformer.Builder()
          .addPattern("^--no-(.+)$", "--$1", "--[no-]$1")
          .addPattern("^--(?!no-)(.+)$", "--no-$1", "--[no-]$1")
          .build();

  private KingpinNegation() {}

  /** Applies the transformer to this command and its subcommands. */
  public static CommandLine apply(CommandLine commandLine) {
    CommandSpec spec = commandLine.getCommandSpec();
    // Picocli derives the negated names when an option is added, so add them all again.
    List<OptionSpec> options = new ArrayList<>(spec.options());
    options.forEach(spec::remove);
    spec.negatableOptionTransformer(TRANSFORMER);
    options.forEach(spec::addOption);
    commandLine.getSubcommands().values().forEach(KingpinNegation::apply);
    return commandLine;
  }
}
