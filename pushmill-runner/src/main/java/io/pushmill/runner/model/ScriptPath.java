package io.pushmill.runner.model;

import io.pushmill.runner.BadRequestException;
import java.util.regex.Pattern;

/**
 * A Windmill path, {@code u/<user>/<name>} or {@code f/<folder>/<name>}, where the name may have
 * several segments ({@code u/admin/dir/name}). Scripts and schedules share this format, so schedule
 * paths use this type too. Segments are made of {@code [A-Za-z0-9_-]}.
 */
public record ScriptPath(String value) implements Comparable<ScriptPath> {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int MAX_LENGTH = 255;

  public ScriptPath {
    String problem = problem(value);
    if (problem != null) {
      throw new BadRequestException(
          "invalid path '" + value + "': " + problem
              + "; a path looks like u/<user>/<name> or f/<folder>/<name>");
    }
  }

  /** Parses a path, naming the bad value in the exception. */
  public static ScriptPath of(String value) {
    return new ScriptPath(value);
  }

  private static String problem(String value) {
    if (value == null || value.isEmpty()) {
      return "it is empty";
    }
    if (value.length() > MAX_LENGTH) {
      return "it is longer than " + MAX_LENGTH + " characters";
    }
    String[] segments = value.split("/", -1);
    if (!segments[0].equals("u") && !segments[0].equals("f")) {
      return "it must start with 'u/' or 'f/'";
    }
    if (segments.length < 3) {
      return "it needs an owner and a name after '" + segments[0] + "/'";
    }
    for (int i = 1; i < segments.length; i++) {
      if (segments[i].isEmpty()) {
        return "segment " + (i + 1) + " is empty";
      }
      if (!SEGMENT.matcher(segments[i]).matches()) {
        return "segment '" + segments[i] + "' has a character outside [A-Za-z0-9_-]";
      }
    }
    return null;
  }

  /** {@code u} for a user's path, {@code f} for a folder's. */
  public String kind() {
    return value.substring(0, 1);
  }

  /** The user or folder that owns the path. */
  public String owner() {
    return value.split("/", 3)[1];
  }

  /** The path with every {@code /} replaced, as Windmill does for object paths and user names. */
  public String joined(char separator) {
    return value.replace('/', separator);
  }

  @Override
  public int compareTo(ScriptPath o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
