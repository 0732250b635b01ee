package io.pushmill.server.compat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises a text 0.0.4 scrape for comparison: drops the gateways' own families and the
 * harness's barrier group, replaces push times by a placeholder, and keeps the order of
 * everything else (Pushmill promises upstream's order).
 *
 * @param keptOwnFamilies own families to keep, with only their pushed series (those with a job)
 * @param helpIgnored families whose HELP line is dropped, where upstream picks one at random
 */
record ScrapeNormalizer(Set<String> keptOwnFamilies, Set<String> helpIgnored) {
  private static final Pattern HAS_JOB = Pattern.compile("[{,]job=\"");
  private static final String BARRIER = "job=\"" + OwnMetrics.BARRIER_JOB + "\"";

  ScrapeNormalizer {
    keptOwnFamilies = Set.copyOf(keptOwnFamilies);
    helpIgnored = Set.copyOf(helpIgnored);
  }

  static ScrapeNormalizer standard() {
    return new ScrapeNormalizer(Set.of(), Set.of());
  }

  String normalize(String scrape) {
    Map<String, Block> blocks = new LinkedHashMap<>();
    Block current = null;
    for (String line : scrape.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      String family = familyOf(line, current);
      if (current == null || !current.name.equals(family)) {
        current = blocks.computeIfAbsent(family + "#" + blocks.size(), k -> new Block(family));
      }
      current.lines.add(line);
    }
    StringBuilder out = new StringBuilder();
    for (Block block : blocks.values()) {
      block.render(this, out);
    }
    return out.toString();
  }

  private static String familyOf(String line, Block current) {
    if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
      String rest = line.substring(7);
      int space = rest.indexOf(' ');
      return space < 0 ? rest : rest.substring(0, space);
    }
    if (line.startsWith("#") && current != null) {
      return current.name;
    }
    // a sample belongs to the family whose TYPE line came last (x_bucket, x_sum, x_count...)
    return current != null ? current.name : sampleName(line);
  }

  private static String sampleName(String line) {
    int end = 0;
    while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
      end++;
    }
    return line.substring(0, end);
  }

  private static final class Block {
    private final String name;
    private final List<String> lines = new ArrayList<>();

    Block(String name) {
      this.name = name;
    }

    void render(ScrapeNormalizer options, StringBuilder out) {
      boolean own = OwnMetrics.isOwn(name);
      if (own && !options.keptOwnFamilies.contains(name)) {
        return;
      }
      List<String> samples =
          lines.stream()
              .filter(l -> !l.startsWith("#"))
              .filter(l -> !l.contains(BARRIER))
              .filter(l -> !own || HAS_JOB.matcher(l).find())
              .toList();
      if (samples.isEmpty()) {
        return;
      }
      for (String line : lines) {
        if (line.startsWith("# HELP ") && options.helpIgnored.contains(name)) {
          continue;
        }
        if (line.startsWith("#")) {
          out.append(line).append('\n');
        }
      }
      boolean simple = lines.stream().anyMatch(l -> l.matches("# TYPE \\S+ (untyped|gauge|counter)"));
      for (String sample : simple ? SampleOrder.canonical(samples) : samples) {
        out.append(OwnMetrics.isPushTime(name) ? withTimePlaceholder(sample) : sample).append('\n');
      }
    }

    private static String withTimePlaceholder(String sample) {
      int space = sample.lastIndexOf(' ');
      return sample.substring(0, space + 1) + OwnMetrics.normalizeTime(sample.substring(space + 1));
    }
  }
}
