package io.pushmill.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushmill.gateway.http.gocompat.GoPath;
import io.pushmill.gateway.store.GroupingKey;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The push URL parser against the spec's cases: §7 rows 2-29 (upstream's handler tests, numbered as
 * there), §8 V2-V7 and V22 (observed on 1.5.1), then base64, UTF-8 and ordering rules (100+). Job
 * segments and label paths are given as sent, percent-encoded.
 */
class GroupingKeyParserTest {
  private static final boolean UTF8 = true;
  private static final boolean LEGACY = false;
  private static final boolean B64 = true;
  private static final boolean PLAIN = false;

  record Row(
      String n,
      boolean utf8,
      boolean base64Job,
      String job,
      String labels,
      Map<String, String> key,
      String error) {
    @Override
    public String toString() {
      return n
          + ": job"
          + (base64Job ? "@base64" : "")
          + "/"
          + job
          + labels
          + (utf8 ? " (utf8)" : "");
    }
  }

  private static Row ok(
      String n, boolean utf8, boolean b64, String job, String labels, String... key) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < key.length; i += 2) {
      m.put(key[i], key[i + 1]);
    }
    return new Row(n, utf8, b64, job, labels, m, null);
  }

  private static Row fails(
      String n, boolean utf8, boolean b64, String job, String labels, String error) {
    return new Row(n, utf8, b64, job, labels, null, error);
  }

  static Stream<Row> rows() {
    return Stream.of(
        fails("§7-2", LEGACY, B64, "", "", "job name is required"),
        ok("§7-3", LEGACY, PLAIN, "testjob", "", "job", "testjob"),
        ok(
            "§7-4",
            LEGACY,
            PLAIN,
            "testjob",
            "/instance/testinstance",
            "instance",
            "testinstance",
            "job",
            "testjob"),
        ok(
            "§7-5",
            LEGACY,
            PLAIN,
            "testjob",
            "/instance/testinstance",
            "instance",
            "testinstance",
            "job",
            "testjob"),
        ok(
            "§7-7",
            LEGACY,
            B64,
            "dGVzdC9qb2I=",
            "/instance@base64/dGVzdGluc3RhbmNl",
            "instance",
            "testinstance",
            "job",
            "test/job"),
        ok(
            "§7-11",
            UTF8,
            PLAIN,
            "testjob",
            "/U__dotted_2e_label_2e_name/mylabelvalue",
            "dotted.label.name",
            "mylabelvalue",
            "job",
            "testjob"),
        ok(
            "§7-12",
            UTF8,
            B64,
            "dGVzdC9qb2I=",
            "/U__dotted_2e_label_2e_name@base64/bXkvbGFiZWw=",
            "dotted.label.name",
            "my/label",
            "job",
            "test/job"),
        fails("§7-14", LEGACY, PLAIN, "", "", "job name is required"),
        ok("§7-15", LEGACY, PLAIN, "testjob", "", "job", "testjob"),
        ok(
            "§7-16",
            LEGACY,
            PLAIN,
            "testjob",
            "/instance/testinstance",
            "instance",
            "testinstance",
            "job",
            "testjob"),
        ok(
            "§7-17",
            LEGACY,
            B64,
            "dGVzdC9qb2I",
            "/instance@base64/dGVzdGluc3RhbmNl",
            "instance",
            "testinstance",
            "job",
            "test/job"),
        ok(
            "§7-18",
            UTF8,
            PLAIN,
            "testjob",
            "/U__a_2e_b/plain/U__c_2e_d@base64/YmFzZTY0",
            "a.b",
            "plain",
            "c.d",
            "base64",
            "job",
            "testjob"),
        ok(
            "§7-19",
            LEGACY,
            PLAIN,
            "j",
            "/label_name1/label_value1/label_name2/label_value2",
            "job",
            "j",
            "label_name1",
            "label_value1",
            "label_name2",
            "label_value2"),
        fails(
            "§7-20",
            LEGACY,
            PLAIN,
            "j",
            "/label_name1/label_value1/a=b/label_value2",
            "improper label name \"a=b\""),
        fails(
            "§7-21",
            LEGACY,
            PLAIN,
            "j",
            "/label_name1/label_value1/__label_name2/label_value2",
            "improper label name \"__label_name2\""),
        fails(
            "§7-22",
            LEGACY,
            PLAIN,
            "j",
            "/label_name1/label_value1/label_name2/label/value2",
            "odd number of components in label string "
                + "\"/label_name1/label_value1/label_name2/label/value2\""),
        ok(
            "§7-23",
            LEGACY,
            PLAIN,
            "j",
            "/label_name1@base64/bGFiZWwvdmFsdWUx/label_name2/label_value2",
            "job",
            "j",
            "label_name1",
            "label/value1",
            "label_name2",
            "label_value2"),
        ok(
            "§7-24",
            LEGACY,
            PLAIN,
            "j",
            "/label_name1/label_value1/label_name2@base64/bGFiZWwvdmFsdWUy",
            "job",
            "j",
            "label_name1",
            "label_value1",
            "label_name2",
            "label/value2"),
        ok(
            "§7-25",
            LEGACY,
            PLAIN,
            "j",
            "/label_name1/label_value1/label_name2@base64/bGFiZWwvdmFsdWUy==",
            "job",
            "j",
            "label_name1",
            "label_value1",
            "label_name2",
            "label/value2"),
        fails(
            "§7-26",
            LEGACY,
            PLAIN,
            "j",
            "/label_name1@base64/foo.bar/label_name2/label_value2",
            "invalid base64 encoding for label label_name1=\"foo.bar\": illegal base64 data at"
                + " input byte 3"),
        ok(
            "§7-27",
            LEGACY,
            PLAIN,
            "j",
            "/label_name1/label_value1/U__label_2e_name2/label_value2",
            "job",
            "j",
            "label_name1",
            "label_value1",
            "U__label_2e_name2",
            "label_value2"),
        ok(
            "§7-28",
            UTF8,
            PLAIN,
            "j",
            "/label_name1/label_value1/U__label_2e_name2/label_value2",
            "job",
            "j",
            "label_name1",
            "label_value1",
            "label.name2",
            "label_value2"),
        ok(
            "§7-29",
            UTF8,
            PLAIN,
            "j",
            "/label_name1@base64/bGFiZWwvdmFsdWUx/U__label_2e_name2@base64/bGFiZWwvdmFsdWUy",
            "job",
            "j",
            "label_name1",
            "label/value1",
            "label.name2",
            "label/value2"),
        ok("V2a", LEGACY, PLAIN, "j1", "/instance/i1", "instance", "i1", "job", "j1"),
        ok("V2b", LEGACY, PLAIN, "nonexist", "/a/b", "a", "b", "job", "nonexist"),
        fails("V3", LEGACY, B64, "=", "", "job name is required"),
        fails(
            "V4", LEGACY, PLAIN, "j2", "/foo", "odd number of components in label string \"/foo\""),
        fails("V5a", LEGACY, PLAIN, "j2", "/a-b/c", "improper label name \"a-b\""),
        fails("V5b", LEGACY, PLAIN, "j2", "/__x/c", "improper label name \"__x\""),
        fails(
            "V6a",
            LEGACY,
            PLAIN,
            "j2",
            "/lbl@base64/foo.bar",
            "invalid base64 encoding for label lbl=\"foo.bar\": illegal base64 data at input byte"
                + " 3"),
        fails(
            "V6b",
            LEGACY,
            B64,
            "foo.bar",
            "",
            "invalid base64 encoding in job name \"\": illegal base64 data at input byte 3"),
        ok(
            "V7",
            LEGACY,
            PLAIN,
            "ex",
            "/first_label@base64/=/second_label/foobar",
            "first_label",
            "",
            "job",
            "ex",
            "second_label",
            "foobar"),
        ok(
            "V22",
            LEGACY,
            B64,
            "cHkvam9i",
            "/empty@base64/=/path@base64/L3Zhci90bXA=/plain/x",
            "empty",
            "",
            "job",
            "py/job",
            "path",
            "/var/tmp",
            "plain",
            "x"),
        ok("100", LEGACY, PLAIN, "j4", "/a/1/a/2", "a", "2", "job", "j4"),
        ok("101", LEGACY, PLAIN, "j5", "/job/other", "job", "j5"),
        ok("102", LEGACY, PLAIN, "j3", "/", "job", "j3"),
        fails(
            "103",
            LEGACY,
            PLAIN,
            "j3",
            "/a/b/",
            "odd number of components in label string \"/a/b/\""),
        ok("104", LEGACY, PLAIN, "j3", "/a/", "a", "", "job", "j3"),
        ok("105", LEGACY, B64, "YQ", "", "job", "a"),
        ok("106", LEGACY, B64, "YQ==", "", "job", "a"),
        ok("107", LEGACY, B64, "YQ===", "", "job", "a"),
        ok("108", LEGACY, B64, "YR", "", "job", "a"),
        fails("109", LEGACY, B64, "==", "", "job name is required"),
        fails(
            "110",
            LEGACY,
            B64,
            "Y",
            "",
            "invalid base64 encoding in job name \"\": illegal base64 data at input byte 0"),
        fails(
            "111",
            LEGACY,
            B64,
            "a+b",
            "",
            "invalid base64 encoding in job name \"\": illegal base64 data at input byte 1"),
        fails(
            "112",
            LEGACY,
            B64,
            "YQ=x",
            "",
            "invalid base64 encoding in job name \"\": illegal base64 data at input byte 2"),
        fails(
            "113",
            LEGACY,
            B64,
            "YWJjZA.",
            "",
            "invalid base64 encoding in job name \"abc\": illegal base64 data at input byte 6"),
        fails("114", LEGACY, B64, "_w", "", "job name is not valid UTF-8: \"\\xff\""),
        fails(
            "115",
            LEGACY,
            PLAIN,
            "j",
            "/v@base64/_w",
            "value of label v is not valid UTF-8: \"\\xff\""),
        fails(
            "116",
            LEGACY,
            PLAIN,
            "j",
            "/v/%FF%FE",
            "value of label v is not valid UTF-8: \"\\xff\\xfe\""),
        fails("117", LEGACY, PLAIN, "j%FF", "", "job name is not valid UTF-8: \"j\\xff\""),
        ok(
            "118",
            LEGACY,
            PLAIN,
            "%CE%A0",
            "/name/%CE%A0%CF%81%CE%BF",
            "job",
            "\u03a0",
            "name",
            "\u03a0\u03c1\u03bf"),
        fails("119", LEGACY, PLAIN, "j", "/%CE%A0/x", "improper label name \"\u03a0\""),
        ok("120", UTF8, PLAIN, "j", "/%CE%A0/x", "job", "j", "\u03a0", "x"),
        fails("121", UTF8, PLAIN, "j", "/%FF/x", "improper label name \"\\xff\""),
        ok("122", UTF8, PLAIN, "j", "/U__a_1F600_/x", "a\ud83d\ude00", "x", "job", "j"),
        ok("123", UTF8, PLAIN, "j", "/U__a_01F600_/x", "U__a_01F600_", "x", "job", "j"),
        ok("124", UTF8, PLAIN, "j", "/U__a_zz_/x", "U__a_zz_", "x", "job", "j"),
        ok("125", UTF8, PLAIN, "j", "/U__a__b/x", "a_b", "x", "job", "j"),
        ok("126", UTF8, PLAIN, "j", "/U__a_/x", "U__a_", "x", "job", "j"),
        ok("127", UTF8, PLAIN, "j", "/U____x/x", "_x", "x", "job", "j"),
        fails("128", UTF8, PLAIN, "j", "/__a/x", "improper label name \"__a\""),
        ok("129", LEGACY, PLAIN, "j", "/a/YQ%0A", "a", "YQ\n", "job", "j"),
        ok("130", LEGACY, PLAIN, "j", "/a@base64/YQ%0A", "a", "a", "job", "j"),
        fails(
            "131",
            LEGACY,
            PLAIN,
            "j",
            "/a@base64/%22",
            "invalid base64 encoding for label a=\"\\\"\": "
                + "illegal base64 data at input byte 0"),
        fails("132", LEGACY, PLAIN, "j", "/a-b/%FF", "improper label name \"a-b\""),
        fails("133", LEGACY, PLAIN, "", "/a/b", "job name is required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void parses_a_push_url_as_upstream(Row row) {
    GroupingKeyParser parser = new GroupingKeyParser(row.utf8());
    byte[] job = GoPath.bytes(GoPath.decode(row.job()).orElseThrow());
    byte[] labels = GoPath.bytes(GoPath.decode(row.labels()).orElseThrow());
    if (row.error() != null) {
      assertThatThrownBy(() -> parser.parse(row.base64Job(), job, labels))
          .isInstanceOf(BadRequestException.class)
          .hasMessage(row.error());
    } else {
      GroupingKey key = parser.parse(row.base64Job(), job, labels);
      assertThat(key.labels().asMap()).containsExactlyInAnyOrderEntriesOf(row.key());
    }
  }
}
