package io.pushmill.gateway.http.gocompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.metrics.text.GoQuote;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go library behaviour the HTTP layer reproduces, as numbered tables of {input, Go's output}. */
class GoCompatTest {

  @ParameterizedTest(name = "{0}: clean({1})")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 | /metrics/job/j3//a/b | /metrics/job/j3/a/b",
        "2 | /a/./b | /a/b",
        "3 | /a/../b | /b",
        "4 | /../x | /x",
        "5 | /a/b/.. | /a",
        "6 | / | /",
        "7 | // | /",
        "8 | /a/b/ | /a/b",
        "9 | a/../../b | ../b",
        "10 | /. | /",
        "11 | /.../x | /.../x",
        "12 | /a/.b/..c | /a/.b/..c",
      })
  void path_clean_matches_go(int n, String in, String out) {
    assertThat(GoPath.clean(in)).isEqualTo(out);
  }

  @ParameterizedTest(name = "{0}: cleanPath({1})")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 | /metrics/job/ | /metrics/job/",
        "2 | /a//b/ | /a/b/",
        "3 | /a/./ | /a/",
        "4 | /a/.. | /",
        "5 | /a/../ | /",
      })
  void the_mux_keeps_a_trailing_slash(int n, String in, String out) {
    assertThat(GoPath.cleanKeepingTrailingSlash(in)).isEqualTo(out);
  }

  @Test
  void paths_are_escaped_as_url_escaped_path() {
    assertThat(GoPath.escape("/a b/c?d#e/%/()!*'"))
        .isEqualTo("/a%20b/c%3Fd%23e/%25/%28%29%21%2A%27");
    assertThat(GoPath.escape("/$&+,:;=@-_.~")).isEqualTo("/$&+,:;=@-_.~");
    assertThat(GoPath.escape(GoPath.decode("/%CE%A0").orElseThrow())).isEqualTo("/%CE%A0");
  }

  @Test
  void percent_decoding_keeps_raw_bytes_and_refuses_bad_escapes() {
    assertThat(GoPath.bytes(GoPath.decode("/a%2Fb%ff+").orElseThrow()))
        .containsExactly('/', 'a', '/', 'b', 0xff, '+');
    assertThat(GoPath.decode("/a%2")).isEmpty();
    assertThat(GoPath.decode("/a%zz")).isEmpty();
  }

  @ParameterizedTest(name = "{0}: quote")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "1 | 61 62 | '\"ab\"'",
        "2 | ff | '\"\\xff\"'",
        "3 | 22 5c | '\"\\\"\\\\\"'",
        "4 | 0a 09 07 00 7f | '\"\\n\\t\\a\\x00\\x7f\"'",
        "5 | c2 a0 | '\"\\u00a0\"'",
        "6 | ce a0 | '\"\u03a0\"'",
        "7 | f0 9f 98 80 | '\"\ud83d\ude00\"'",
        "8 | e2 80 a8 | '\"\\u2028\"'",
        "9 | ed a0 80 | '\"\\xed\\xa0\\x80\"'",
        "10 | c0 80 | '\"\\xc0\\x80\"'",
        "11 | f3 a0 80 81 | '\"\\U000e0001\"'",
      })
  void quote_matches_strconv_quote(int n, String hex, String quoted) {
    assertThat(GoQuote.quote(bytes(hex))).isEqualTo(quoted);
  }

  @Test
  void base64_reports_offsets_and_partial_results_as_go() {
    assertThat(decoded("YWJj")).isEqualTo("abc");
    assertThat(decoded("YWJjZA")).isEqualTo("abcd");
    assertThat(decoded("YWJjZGU=")).isEqualTo("abcde");
    assertThat(decoded("Y\nW\r\nJj")).isEqualTo("abc");
    assertThat(error("YWJjZ")).isEqualTo("illegal base64 data at input byte 4");
    assertThat(error("YWJjZ\n")).isEqualTo("illegal base64 data at input byte 5");
    assertThat(error("YW+j")).isEqualTo("illegal base64 data at input byte 2");
    assertThat(GoBase64.decodeTrimmed("YWJjYWJj!".getBytes(StandardCharsets.US_ASCII)).bytes())
        .containsExactly('a', 'b', 'c', 'a', 'b', 'c');
  }

  private static String decoded(String s) {
    GoBase64.Decoded d = GoBase64.decodeTrimmed(s.getBytes(StandardCharsets.US_ASCII));
    assertThat(d.error()).isEmpty();
    return new String(d.bytes(), StandardCharsets.UTF_8);
  }

  private static String error(String s) {
    return GoBase64.decodeTrimmed(s.getBytes(StandardCharsets.US_ASCII)).error().orElseThrow();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 | 5m | PT5M | 5m0s",
        "2 | 3s | PT3S | 3s",
        "3 | 1h30m | PT1H30M | 1h30m0s",
        "4 | 1.5h | PT1H30M | 1h30m0s",
        "5 | 300ms | PT0.3S | 300ms",
        "6 | 1500us | PT0.0015S | 1.5ms",
        "7 | 0 | PT0S | 0s",
        "8 | 2h45m10.5s | PT2H45M10.5S | 2h45m10.5s",
        "9 | 90s | PT1M30S | 1m30s",
        "10 | 100ns | PT0.0000001S | 100ns",
        "11 | -1m | PT-1M | -1m0s",
        "12 | 1.s | PT1S | 1s",
        "13 | 72h | PT72H | 72h0m0s",
      })
  void durations_parse_and_print_as_go(int n, String in, Duration parsed, String printed) {
    assertThat(GoDuration.parse(in)).isEqualTo(parsed);
    assertThat(GoDuration.format(parsed)).isEqualTo(printed);
  }

  @Test
  void bad_durations_get_gos_messages() {
    assertThatThrownBy(() -> GoDuration.parse("5"))
        .hasMessage("time: missing unit in duration \"5\"");
    assertThatThrownBy(() -> GoDuration.parse("5x"))
        .hasMessage("time: unknown unit \"x\" in duration \"5x\"");
    assertThatThrownBy(() -> GoDuration.parse("")).hasMessage("time: invalid duration \"\"");
    assertThatThrownBy(() -> GoDuration.parse("abc")).hasMessage("time: invalid duration \"abc\"");
    assertThatThrownBy(() -> GoDuration.parse(".s")).hasMessage("time: invalid duration \".s\"");
    assertThatThrownBy(() -> GoDuration.parse("3000000h"))
        .hasMessage("time: invalid duration \"3000000h\"");
  }

  @Test
  void json_escapes_as_encoding_json() {
    assertThat(GoJson.write("<a href='x'>&\u2028\u2029\b\f\n\r\t\u0001\u001f\u007f\"\\"))
        .isEqualTo(
            "\"\\u003ca href='x'\\u003e\\u0026\\u2028\\u2029\\b\\f\\n"
                + "\\r"
                + "\\t\\u0001\\u001f\u007f\\\"\\\\\"");
    assertThat(GoJson.write("\ud83d\ude00 \ud83d x\ude00"))
        .isEqualTo("\"\ud83d\ude00 \ufffd x\ufffd\"");
  }

  @Test
  void json_sorts_map_keys_byte_wise_and_keeps_struct_order() {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("b", 1);
    m.put("\uffff", true);
    m.put("\ud83d\ude00", List.of());
    m.put("a", null);
    assertThat(GoJson.write(m))
        .isEqualTo("{\"a\":null,\"b\":1,\"\uffff\":true,\"\ud83d\ude00\":[]}");
    Map<String, Object> ordered = new java.util.LinkedHashMap<>();
    ordered.put("z", "1");
    ordered.put("a", "2");
    assertThat(GoJson.write(new GoJson.Ordered(ordered))).isEqualTo("{\"z\":\"1\",\"a\":\"2\"}");
  }

  @Test
  void html_escaping_covers_the_five_characters() {
    assertThat(GoHtml.escape("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    assertThat(GoHtml.escape("plain")).isEqualTo("plain");
  }

  private static byte[] bytes(String hex) {
    String[] parts = hex.trim().split(" ");
    byte[] b = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      b[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return b;
  }
}
