package io.pushmill.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushmill.runner.BadRequestException;
import io.pushmill.runner.exec.Param;
import io.pushmill.runner.exec.ParamType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgsValidatorTest {
  private static final ScriptPath PATH = ScriptPath.of("u/admin/s");
  private static final List<Param> PARAMS = List.of(
      new Param("name", ParamType.STRING, Optional.empty()),
      new Param("count", ParamType.INTEGER, Optional.of(Json.parse("3"))),
      new Param("ratio", ParamType.NUMBER, Optional.of(Json.parse("0.5"))),
      new Param("flag", ParamType.BOOLEAN, Optional.of(Json.parse("false"))),
      new Param("opts", ParamType.OBJECT, Optional.of(Json.parse("{}"))),
      new Param("items", ParamType.ARRAY, Optional.of(Json.parse("[]"))),
      new Param("anything", ParamType.ANY, Optional.of(Json.parse("null"))),
      new Param("maybe", ParamType.STRING, Optional.of(Json.parse("null"))));

  private static JsonNode json(String s) {
    return Json.parse(s);
  }

  @Test
  void defaults_are_filled_in_in_declaration_order() {
    var args = ArgsValidator.validate(PATH, PARAMS, json("{\"name\":\"x\"}"));
    assertThat(Json.write(args)).isEqualTo("{\"name\":\"x\",\"count\":3,\"ratio\":0.5,"
        + "\"flag\":false,\"opts\":{},\"items\":[],\"anything\":null,\"maybe\":null}");
  }

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      1 | {"name":"x","count":2.0,"ratio":1,"flag":true,"opts":{"a":1},"items":[1],"anything":[],"maybe":"s"}
      2 | {"name":"","anything":{"k":"v"},"maybe":null}
      """)
  void values_of_the_declared_types_pass(int n, String args) {
    assertThat(ArgsValidator.validate(PATH, PARAMS, json(args)).get("name").isTextual()).isTrue();
  }

  @ParameterizedTest(name = "{index}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1 | {"name":"x","colour":"red"}  | unknown argument 'colour' for script u/admin/s; its parameters are name, count, ratio, flag, opts, items, anything, maybe
      2 | {}                           | missing required argument 'name' for script u/admin/s (type string)
      3 | {"name":5}                   | argument 'name' of script u/admin/s must be a string, got number 5
      4 | {"name":"x","count":"3"}     | argument 'count' of script u/admin/s must be an integer, got string "3"
      5 | {"name":"x","count":2.5}     | argument 'count' of script u/admin/s must be an integer, got number 2.5
      6 | {"name":"x","ratio":true}    | argument 'ratio' of script u/admin/s must be a number, got boolean true
      7 | {"name":"x","flag":"yes"}    | argument 'flag' of script u/admin/s must be a boolean, got string "yes"
      8 | {"name":"x","opts":[]}       | argument 'opts' of script u/admin/s must be an object, got array []
      9 | {"name":"x","items":{}}      | argument 'items' of script u/admin/s must be an array, got object {}
      10 | {"name":null}               | argument 'name' of script u/admin/s must be a string, got null null
      11 | [1,2]                       | args for script u/admin/s must be a JSON object, got array
      """)
  void bad_args_are_refused_naming_the_arg(int n, String args, String message) {
    assertThatThrownBy(() -> ArgsValidator.validate(PATH, PARAMS, json(args)))
        .isInstanceOf(BadRequestException.class)
        .hasMessage(message);
  }

  @Test
  void no_args_mean_an_empty_object() {
    List<Param> none = List.of();
    assertThat(ArgsValidator.validate(PATH, none, null)).isEmpty();
    assertThat(ArgsValidator.validate(PATH, none, json("null"))).isEmpty();
    assertThatThrownBy(() -> ArgsValidator.validate(PATH, none, json("{\"x\":1}")))
        .hasMessage("unknown argument 'x' for script u/admin/s; it takes no arguments");
  }

  @Test
  void a_long_value_is_shortened_in_the_message() {
    String longText = "y".repeat(100);
    assertThatThrownBy(() -> ArgsValidator.validate(PATH, PARAMS,
        json("{\"name\":\"x\",\"count\":\"" + longText + "\"}")))
        .hasMessageEndingWith("got string \"" + "y".repeat(39) + "…");
  }
}
