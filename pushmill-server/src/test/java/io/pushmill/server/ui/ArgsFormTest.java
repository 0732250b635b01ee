package io.pushmill.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushmill.runner.model.Json;
import io.pushmill.server.ui.view.ArgField;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.util.Fields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgsFormTest {
  static final ObjectNode SCHEMA = (ObjectNode) Json.parse("""
      {"type": "object",
       "properties": {
         "n": {"type": "integer", "default": 3, "description": "How many"},
         "ratio": {"type": "number"},
         "name": {"type": "string"},
         "loud": {"type": "boolean", "default": true},
         "mode": {"type": "string", "enum": ["fast", "slow"]},
         "options": {"type": "object"},
         "tags": {"type": "array"},
         "anything": {}
       },
       "required": ["name"],
       "order": ["name", "n"]}""");

  @Test
  void the_fields_follow_the_order_then_the_other_properties_with_their_defaults() {
    List<ArgField> fields = ArgsForm.fields(SCHEMA);
    assertThat(fields).extracting(ArgField::name)
        .containsExactly("name", "n", "ratio", "loud", "mode", "options", "tags", "anything");
    assertThat(fields).extracting(ArgField::input)
        .containsExactly("text", "number", "number", "checkbox", "select", "json", "json", "json");
    ArgField n = fields.get(1);
    assertThat(n.value()).isEqualTo("3");
    assertThat(n.step()).isEqualTo("1");
    assertThat(n.description()).contains("How many");
    assertThat(fields.get(0).required()).isTrue();
    assertThat(fields.get(3).checked()).isTrue();
    assertThat(fields.get(4).options()).containsExactly("fast", "slow");
  }

  @ParameterizedTest(name = "{0}: {1}={2} -> {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      1 | n        | 42             | {"name":"a","n":42,"loud":false}
      2 | ratio    | 0.5            | {"name":"a","ratio":0.5,"loud":false}
      3 | loud     | true           | {"name":"a","loud":true}
      4 | mode     | slow           | {"name":"a","loud":false,"mode":"slow"}
      5 | options  | `{"a": [1]}`   | {"name":"a","loud":false,"options":{"a":[1]}}
      6 | tags     | `["x"]`        | {"name":"a","loud":false,"tags":["x"]}
      7 | anything | 7              | {"name":"a","loud":false,"anything":7}
      8 | n        | ` `            | {"name":"a","loud":false}
      """)
  void a_form_becomes_typed_arguments(int c, String field, String value, String json) {
    Fields form = new Fields();
    form.add("arg.name", "a");
    form.add("arg." + field, value);
    assertThat(ArgsForm.read(ArgsForm.fields(SCHEMA), form).args().map(Json::write))
        .contains(json);
  }

  @ParameterizedTest(name = "{0}: {1}={2} -> {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      1 | n        | 4.5        | '4.5' is not a whole number.
      2 | ratio    | half       | 'half' is not a number.
      3 | options  | [1]        | This must be a JSON object.
      4 | tags     | {          | This is not valid JSON
      5 | name     | ` `        | name is required.
      """)
  void a_value_that_does_not_fit_is_refused_with_a_reason(int c, String field, String value,
      String reason) {
    Fields form = new Fields();
    if (!field.equals("name")) {
      form.add("arg.name", "a");
    }
    form.add("arg." + field, value);
    ArgsForm.Result result = ArgsForm.read(ArgsForm.fields(SCHEMA), form);
    assertThat(result.args()).isEmpty();
    assertThat(result.fields()).filteredOn(f -> f.name().equals(field)).singleElement()
        .satisfies(f -> {
          assertThat(f.error()).get().asString().startsWith(reason);
          assertThat(f.value()).isEqualTo(value);
        });
    assertThat(result.fields()).filteredOn(f -> !f.name().equals(field))
        .allMatch(f -> f.error().equals(Optional.empty()));
  }
}
