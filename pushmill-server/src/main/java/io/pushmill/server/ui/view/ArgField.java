package io.pushmill.server.ui.view;

import java.util.List;
import java.util.Optional;

/**
 * One input of a script's argument form, built from its JSON Schema.
 *
 * @param input the form control: {@code text}, {@code number}, {@code checkbox}, {@code select}
 *     or {@code json} (a text area for objects, arrays and untyped values)
 * @param type the schema's type as shown to the user ({@code integer}, {@code any}, …)
 * @param value what the input holds: the default, or what was sent when the form came back
 * @param options the allowed values of an {@code enum}
 * @param error why the value sent was refused
 */
public record ArgField(String name, String input, String type, boolean required, String value,
    boolean checked, String step, Optional<String> description, List<String> options,
    Optional<String> error) {

  public ArgField {
    options = List.copyOf(options);
  }

  /** The form field's name: arguments are {@code arg.<name>}, apart from the other fields. */
  public String field() {
    return "arg." + name;
  }

  /** A DOM id for the label to point at. */
  public String id() {
    return "arg-" + name.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  public ArgField withValue(String newValue, boolean newChecked, Optional<String> newError) {
    return new ArgField(name, input, type, required, newValue, newChecked, step, description,
        options, newError);
  }
}
