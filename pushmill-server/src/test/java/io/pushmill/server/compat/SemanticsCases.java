package io.pushmill.server.compat;

import static io.pushmill.server.compat.Bodies.b64;
import static io.pushmill.server.compat.DiffCase.builder;

import java.util.List;

/** Push, replace and delete semantics and label sanitising: spec §1, §2.3–2.7, §7 rows 3–53. */
final class SemanticsCases {
  private SemanticsCases() {}

  static List<DiffCase> cases() {
    return List.of(
        builder(3, "an empty POST creates the group with its push times", "§7 row 3")
            .post("/metrics/job/{job}", "")
            .build(),
        builder(4, "an unparsable body is refused and creates nothing", "§7 row 4")
            .post("/metrics/job/{job}/instance/i4", "blablabla\n")
            .build(),
        builder(5, "a push to job and instance keeps both families untyped", "§7 row 5")
            .post(
                "/metrics/job/{job}/instance/testinstance",
                "some_metric 3.14\nanother_metric{instance=\"testinstance\",job=\"testjob\"} 42\n")
            .build(),
        builder(7, "base64 job and instance decode", "§7 row 7")
            .post("/metrics/job@base64/" + b64(DiffCase.jobOf(7) + "/job") + "/instance@base64/dGVzdGluc3RhbmNl", "m7 1\n")
            .build(),
        builder(8, "an instance label in the body does not join the grouping key", "§7 row 8, §2.6")
            .post("/metrics/job/{job}", "keepinst{instance=\"bodyinst\"} 1\n")
            .build(),
        builder(9, "a sample with a timestamp is refused and records a failure", "§7 row 9, §8 V8")
            .post("/metrics/job/{job}", "a 1\nb 1 1000\n")
            .build(),
        builder(15, "DELETE of a job-only group removes it", "§7 row 15")
            .put("/metrics/job/{job}", "m15 1\n")
            .delete("/metrics/job/{job}")
            .build(),
        builder(16, "DELETE of a job+instance group removes it", "§7 row 16")
            .put("/metrics/job/{job}/instance/i16", "m16 1\n")
            .put("/metrics/job/{job}", "m16 2\n")
            .delete("/metrics/job/{job}/instance/i16")
            .build(),
        builder(17, "DELETE with base64 job and instance", "§7 row 17")
            .put("/metrics/job/{job}/instance/a%20b", "m17 1\n")
            .delete("/metrics/job@base64/" + b64(DiffCase.jobOf(17)) + "/instance@base64/" + b64("a b"))
            .build(),
        builder(30, "wipe removes every group", "§7 row 30")
            .put("/metrics/job/{job}/n/1", "m30 1\n")
            .put("/metrics/job/{job}/n/2", "m30 2\n")
            .put("/metrics/job/{job}/n/3", "")
            .post("/metrics/job/{job}/n/4", "m30b 4\n")
            .post("/metrics/job/{job}/n/5", "a 1\nb 1 1000\n")
            .send(HttpCall.of("PUT", "/api/v1/admin/wipe"))
            .build(),
        builder(31, "groups sharing a family are merged into one; empty groups add nothing", "§7 row 31")
            .put("/metrics/job/{job}/instance/i1", "# TYPE mf1 counter\nmf1 1\n")
            .put("/metrics/job/{job}/instance/i2", "# TYPE mf1 counter\nmf1 2\n")
            .put("/metrics/job/{job}/instance/i3", "# TYPE mf1 counter\nmf1{x=\"y\"} 3\n")
            .put("/metrics/job/{job}/instance/i4", "")
            .build(),
        builder(32, "a first push gets push_time and push_failure_time 0", "§7 rows 32, 33")
            .put("/metrics/job/{job}/instance/instance1", "# TYPE mf32 gauge\nmf32 1\n")
            .put("/metrics/job/{job}/instance/instance2", "mf32a 1\nmf32b 2\n")
            .build(),
        builder(34, "POST of a histogram keeps the group's other families", "§7 row 34")
            .put("/metrics/job/{job}", "m34 1\n")
            .post("/metrics/job/{job}",
                "# TYPE h34 histogram\nh34_bucket{le=\"1\"} 1\nh34_bucket{le=\"+Inf\"} 2\nh34_sum 3\nh34_count 2\n")
            .build(),
        builder(35, "POST of a family with an existing name replaces the whole family", "§7 row 35, §2.3")
            .put("/metrics/job/{job}", "m35{a=\"1\"} 1\nm35{a=\"2\"} 2\nother35 3\n")
            .post("/metrics/job/{job}", "m35{a=\"3\"} 3\n")
            .build(),
        builder(36, "a PUT with a timestamp into a new group creates it failed", "§7 row 36")
            .put("/metrics/job/{job}/instance/i36", "m36 1 1234\n")
            .build(),
        builder(37, "a summary without observations is accepted", "§7 row 37")
            .put("/metrics/job/{job}", "# TYPE s37 summary\ns37_sum 0\ns37_count 0\n")
            .build(),
        builder(39, "deleting two groups removes both with their push times", "§7 row 39")
            .put("/metrics/job/{job}/g/1", "m39 1\n")
            .put("/metrics/job/{job}/g/2", "m39 2\n")
            .put("/metrics/job/{job}/g/3", "m39 3\n")
            .delete("/metrics/job/{job}/g/1")
            .delete("/metrics/job/{job}/g/2")
            .build(),
        builder(40, "DELETE is by exact grouping key, not by prefix", "§7 row 40")
            .put("/metrics/job/{job}/instance/instance2", "m40 1\n")
            .delete("/metrics/job/{job}")
            .build(),
        builder(41, "deleting the last group empties the API", "§7 row 41")
            .put("/metrics/job/{job}", "m41 1\n")
            .delete("/metrics/job/{job}")
            .build(),
        builder(47, "URL labels override body job and instance", "§7 row 47")
            .put("/metrics/job/{job}/instance/instance2", "m47{job=\"job2\",instance=\"instance1\",x=\"y\"} 1\n")
            .build(),
        builder(48, "a metric without instance gets the URL's", "§7 row 48")
            .put("/metrics/job/{job}/instance/instance2", "m48{x=\"y\"} 1\n")
            .build(),
        builder(49, "a metric without instance in a job-only group gets instance=\"\"", "§7 row 49")
            .put("/metrics/job/{job}", "m49{x=\"y\"} 1\nm49b 2\n")
            .build(),
        builder(50, "a PUT after a failed push keeps the failure time", "§7 row 50")
            .put("/metrics/job/{job}", "m50 1 1000\n")
            .put("/metrics/job/{job}", "m50 1\n")
            .build(),
        builder(51, "PUT replaces every family of the group", "§7 row 51")
            .put("/metrics/job/{job}", "a51 1\nb51 2\n")
            .put("/metrics/job/{job}", "c51 3\n")
            .build(),
        builder(52, "a failed PUT changes only the failure time", "§7 row 52")
            .put("/metrics/job/{job}", "a52 1\nb52 2\n")
            .put("/metrics/job/{job}", "c52 3 1000\n")
            .build(),
        builder(53, "an empty PUT leaves only the push times", "§7 row 53")
            .put("/metrics/job/{job}", "a53 1\n")
            .put("/metrics/job/{job}", "")
            .build(),
        builder(101, "POST of one untyped sample", "§8 V1").post("/metrics/job/{job}", "some_metric 3.14\n").build(),
        builder(108, "timestamps by PUT: group created with push_time 0", "§8 V8")
            .put("/metrics/job/{job}", "a 1\nb 1 1000\n")
            .build(),
        builder(113, "URL labels win over body labels, other body labels stay", "§8 V13")
            .post("/metrics/job/{job}/instance/i6", "clash{job=\"bodyjob\",instance=\"bodyinst\",x=\"y\"} 1\n")
            .build(),
        builder(114, "PUT, POST, PUT, empty POST, empty PUT, DELETE in order", "§8 V14")
            .put("/metrics/job/{job}", "a 1\nb 2\n")
            .post("/metrics/job/{job}", "b 3\nc 4\n")
            .send(HttpCall.get("/metrics"), Compare.SCRAPE)
            .put("/metrics/job/{job}", "c 5\n")
            .send(HttpCall.get("/metrics"), Compare.SCRAPE)
            .post("/metrics/job/{job}", "")
            .put("/metrics/job/{job}", "")
            .send(HttpCall.get("/metrics"), Compare.SCRAPE)
            .delete("/metrics/job/{job}")
            .build(),
        builder(150, "PUT, DELETE, PUT on one group are applied in order", "§1 single writer")
            .put("/metrics/job/{job}", "m150 1\n")
            .delete("/metrics/job/{job}")
            .put("/metrics/job/{job}", "m150 2\n")
            .delete("/metrics/job/{job}")
            .post("/metrics/job/{job}", "m150 3\n")
            .build(),
        builder(151, "an empty POST to an absent group creates it", "§2.3")
            .post("/metrics/job/{job}/a/b", "")
            .build(),
        builder(152, "a DELETE body is ignored", "§2.4")
            .put("/metrics/job/{job}", "m152 1\n")
            .send(HttpCall.delete("/metrics/job/{job}").withBody("garbage"))
            .build(),
        builder(153, "x=\"\" and an absent x are distinct series", "§2.5 not checked")
            .put("/metrics/job/{job}/g/1", "m153{x=\"\"} 1\n")
            .put("/metrics/job/{job}/g/2", "m153 2\n")
            .build(),
        builder(154, "different label dimensions across groups are fine", "§2.5 not checked")
            .put("/metrics/job/{job}/g/1", "m154{a=\"1\"} 1\n")
            .put("/metrics/job/{job}/g/2", "m154{b=\"1\",c=\"2\"} 2\n")
            .build(),
        builder(155, "pushed push_time_seconds is overwritten silently", "§2.7")
            .put("/metrics/job/{job}", "push_time_seconds 5\npush_failure_time_seconds 6\nm155 1\n")
            .build(),
        builder(156, "Content-Type is ignored unless it names delimited protobuf", "§2.3 negotiation")
            .send(HttpCall.put("/metrics/job/{job}/ct/json", "m156 1\n").withHeader("Content-Type", "application/json"))
            .send(HttpCall.put("/metrics/job/{job}/ct/om", "m156 2\n")
                .withHeader("Content-Type", "application/openmetrics-text; version=1.0.0"))
            .send(HttpCall.put("/metrics/job/{job}/ct/text", "m156 3\n")
                .withHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8"))
            .send(HttpCall.put("/metrics/job/{job}/ct/bad", "m156 4\n").withHeader("Content-Type", ";;;"))
            .build(),
        builder(157, "body labels that are not grouping labels are kept verbatim", "§1 sanitising")
            .put("/metrics/job/{job}/zone/z1", "m157{zone=\"body\",b=\"2\",a=\"1\"} 1\n")
            .build());
  }
}
