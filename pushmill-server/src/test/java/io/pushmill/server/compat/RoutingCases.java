package io.pushmill.server.compat;

import static io.pushmill.server.compat.Bodies.b64;
import static io.pushmill.server.compat.DiffCase.builder;

import java.util.List;

/** Router quirks, URL parsing and the small endpoints: spec §2.1, §2.2, §2.11–2.13. */
final class RoutingCases {
  private RoutingCases() {}

  static List<DiffCase> cases() {
    return List.of(
        builder(1, "healthy and ready answer 200 OK", "§7 row 1").get("/-/healthy").get("/-/ready").build(),
        builder(2, "a push without a job is refused by the router or the URL parser", "§7 row 2")
            .post("/metrics/job", "m 1\n")
            .send(HttpCall.post("/metrics/job/", "m 1\n"), Compare.REDIRECT)
            .post("/metrics/job@base64/", "m 1\n")
            .post("/metrics/job@base64/=", "m 1\n")
            .build(),
        builder(14, "a delete without a job is refused", "§7 row 14")
            .delete("/metrics/job")
            .delete("/metrics/job@base64/=")
            .delete("/metrics/job@base64/==")
            .build(),
        builder(19, "two label pairs in the path make a grouping key of three labels", "§7 row 19")
            .put("/metrics/job/{job}/label_name1/label_value1/label_name2/label_value2", "m19 1\n")
            .build(),
        builder(20, "a label name with '=' is improper", "§7 row 20")
            .put("/metrics/job/{job}/a=b/v", "m20 1\n")
            .build(),
        builder(21, "a label name starting with __ is reserved", "§7 row 21")
            .put("/metrics/job/{job}/__label_name2/v", "m21 1\n")
            .put("/metrics/job/{job}/__name__/v", "m21 1\n")
            .build(),
        builder(22, "an unencoded '/' in a value makes the components odd", "§7 row 22")
            .put("/metrics/job/{job}/label_name/label/value2", "m22 1\n")
            .build(),
        builder(23, "a base64 first value decodes", "§7 row 23")
            .put("/metrics/job/{job}/l1@base64/" + b64("label/value1") + "/l2/v2", "m23 1\n")
            .build(),
        builder(24, "a base64 last value decodes", "§7 row 24")
            .put("/metrics/job/{job}/l1/v1/l2@base64/" + b64("label/value2"), "m24 1\n")
            .build(),
        builder(25, "base64 with == padding and without decode alike", "§7 row 25")
            .put("/metrics/job/{job}/l@base64/" + b64("label/value12"), "m25 1\n")
            .post("/metrics/job/{job}/l@base64/" + b64("label/value12").replace("=", ""), "m25b 2\n")
            .build(),
        builder(26, "a base64 value with '.' is refused with Go's error text", "§7 row 26")
            .put("/metrics/job/{job}/lbl@base64/foo.bar", "m26 1\n")
            .build(),
        builder(27, "U__ label names are literal without UTF-8 names", "§7 row 27")
            .put("/metrics/job/{job}/U__label_2e_name2/v", "m27 1\n")
            .build(),
        builder(97, "a repeated label name in the path: the last wins", "§7 row 97")
            .put("/metrics/job/{job}/a/1/a/2", "m97 1\n")
            .build(),
        builder(102, "deletes of absent groups answer 202", "§8 V2")
            .delete("/metrics/job/{job}/instance/i1")
            .delete("/metrics/job/nonexist/a/b")
            .build(),
        builder(103, "an empty base64 job is refused for POST and DELETE", "§8 V3")
            .post("/metrics/job@base64/=", "m 1\n")
            .delete("/metrics/job@base64/=")
            .build(),
        builder(104, "an odd label path is refused", "§8 V4").post("/metrics/job/{job}/foo", "m 1\n").build(),
        builder(105, "improper label names a-b and __x", "§8 V5")
            .post("/metrics/job/{job}/a-b/c", "m 1\n")
            .post("/metrics/job/{job}/__x/c", "m 1\n")
            .post("/metrics/job/{job}/a-b@base64/YQ", "m 1\n")
            .post("/metrics/job/{job}/1a/c", "m 1\n")
            .build(),
        builder(106, "base64 errors in a label value and in the job (one per locking route)", "§8 V6")
            .on(Setup.ISOLATED)
            .post("/metrics/job/{job}/lbl@base64/foo.bar", "m 1\n")
            .post("/metrics/job@base64/foo.bar", "m 1\n")
            .put("/metrics/job@base64/Y", "m 1\n")
            .delete("/metrics/job@base64/a+b")
            .build(),
        builder(107, "an empty label value through base64 '='", "§8 V7")
            .post("/metrics/job/{job}/first_label@base64/=/second_label/foobar", "empty_lv 1\n")
            .build(),
        builder(115, "GET on a push path is 405 with Allow", "§8 V15")
            .get("/metrics/job/{job}")
            .get("/metrics/job@base64/" + b64("x"))
            .build(),
        builder(116, "wipe without the admin API is 404", "§8 V16")
            .on(Setup.PLAIN)
            .send(HttpCall.of("PUT", "/api/v1/admin/wipe"))
            .build(),
        builder(117, "quit: GET is 405 with its own text, PUT without lifecycle 403", "§8 V17")
            .on(Setup.PLAIN)
            .get("/-/quit")
            .send(HttpCall.of("PUT", "/-/quit"))
            .send(HttpCall.of("POST", "/-/quit"))
            .build(),
        builder(130, "OPTIONS on a push path is 200 with Allow", "§2.1 router")
            .send(HttpCall.of("OPTIONS", "/metrics/job/{job}"))
            .send(HttpCall.of("OPTIONS", "/metrics/job/{job}/a/b"))
            .build(),
        builder(131, "HEAD is never routed: 405", "§2.1 router")
            .send(HttpCall.of("HEAD", "/metrics/job/{job}"))
            .send(HttpCall.of("HEAD", "/metrics"))
            .send(HttpCall.of("HEAD", "/-/healthy"))
            .build(),
        builder(132, "PATCH on a push path is 405", "§2.1 router")
            .send(HttpCall.of("PATCH", "/metrics/job/{job}").withBody("m 1\n"))
            .build(),
        builder(133, "OPTIONS on the API answers 200 with CORS headers", "§2.1, §2.10")
            .send(HttpCall.of("OPTIONS", "/api/v1/metrics"))
            .send(HttpCall.of("OPTIONS", "/api/v1/status"))
            .build(),
        builder(134, "'//' in a push path is 301 to the cleaned path, for every method", "§2.1 router")
            .send(HttpCall.post("/metrics/job/{job}//a/b", "m 1\n"), Compare.REDIRECT)
            .send(HttpCall.put("/metrics/job/{job}//a/b", "m 1\n"), Compare.REDIRECT)
            .send(HttpCall.delete("/metrics/job/{job}//a/b"), Compare.REDIRECT)
            .send(HttpCall.get("//metrics"), Compare.REDIRECT)
            .build(),
        builder(135, "'/./' and '/../' are 301 to the cleaned path", "§2.1 router")
            .send(HttpCall.post("/metrics/job/{job}/./a/b", "m 1\n"), Compare.REDIRECT)
            .send(HttpCall.post("/metrics/job/{job}/x/../a/b", "m 1\n"), Compare.REDIRECT)
            .build(),
        builder(136, "unknown paths are 404 with Go's text", "§2.1 router")
            .get("/nope")
            .get("/api/v1/nope")
            .post("/metrics/jobs/{job}", "m 1\n")
            .get("/metrics/job")
            .build(),
        builder(137, "%2F in a segment is decoded before routing and splits it", "§2.1 router")
            .post("/metrics/job/{job}/path/a%2Fb", "m 1\n")
            .build(),
        builder(138, "percent-escapes in a value are decoded", "§2.1 router")
            .post("/metrics/job/{job}/name/%CE%A0%CF%81%CE%BF", "m138 1\n")
            .build(),
        builder(139, "a job pair in the label path is overridden by the job segment", "§2.2 step 6")
            .post("/metrics/job/{job}/job/other", "m139 1\n")
            .build(),
        builder(140, "one trailing slash after the job is fine, after a pair it is odd", "§2.2 step 2")
            .post("/metrics/job/{job}/", "m140 1\n")
            .post("/metrics/job/{job}/a/b/", "m140 1\n")
            .build(),
        builder(141, "base64 value forms: padding stripped, non-strict, URL alphabet only", "§2.2 base64")
            .put("/metrics/job/{job}/a@base64/YQ", "m141 1\n")
            .put("/metrics/job/{job}/b@base64/YQ==", "m141 1\n")
            .put("/metrics/job/{job}/c@base64/YQ===", "m141 1\n")
            .put("/metrics/job/{job}/d@base64/==", "m141 1\n")
            .put("/metrics/job/{job}/e@base64/YR", "m141 1\n")
            .put("/metrics/job/{job}/f@base64/Y", "m141 1\n")
            .put("/metrics/job/{job}/g@base64/a+b", "m141 1\n")
            .put("/metrics/job/{job}/h@base64/YQ=x", "m141 1\n")
            .put("/metrics/job/{job}/i@base64/" + b64("ü/&?"), "m141 1\n")
            .build(),
        builder(142, "a base64 job is decoded for push and delete", "§2.2 step 1")
            .put("/metrics/job@base64/" + b64(DiffCase.jobOf(142) + "/x"), "m142 1\n")
            .put("/metrics/job@base64/" + b64(DiffCase.jobOf(142) + "/y"), "m142 2\n")
            .delete("/metrics/job@base64/" + b64(DiffCase.jobOf(142) + "/y"))
            .build(),
        builder(143, "every method but GET/OPTIONS on healthy and ready is 405", "§2.11")
            .post("/-/healthy", "")
            .send(HttpCall.of("PUT", "/-/ready"))
            .build(),
        builder(144, "the web UI answers HTML at / and /status", "§2.12")
            .send(HttpCall.get("/"), Compare.STATUS_AND_TYPE)
            .send(HttpCall.get("/status"), Compare.STATUS_AND_TYPE)
            .get("/static/no-such-file.js")
            .build(),
        builder(145, "the API: POST on status is 405, unknown API paths 404", "§2.10")
            .post("/api/v1/status", "")
            .get("/api/v1/nope")
            .get("/api/v2/metrics")
            .build(),
        builder(146, "wipe with the admin API: GET, POST and DELETE are 405 with Allow", "§2.11, §8 V16")
            .get("/api/v1/admin/wipe")
            .post("/api/v1/admin/wipe", "")
            .delete("/api/v1/admin/wipe")
            .build(),
        builder(147, "status JSON shares upstream's flags", "§7 row 57, §2.10")
            .send(HttpCall.get("/api/v1/status"), Compare.STATUS_JSON)
            .build(),
        builder(148, "status JSON shows the unchecked mode", "§2.10")
            .on(Setup.UNCHECKED)
            .send(HttpCall.get("/api/v1/status"), Compare.STATUS_JSON)
            .build(),
        builder(149, "a route prefix and telemetry path move every route but GET /-/quit", "§2.13")
            .on(Setup.PREFIXED)
            .put("/pgw/metrics/job/{job}", "m149 1\n")
            .put("/metrics/job/{job}", "m149 2\n")
            .get("/pgw/metrics")
            .send(HttpCall.get("/pgw/api/v1/status"), Compare.STATUS_JSON)
            .send(HttpCall.get("/pgw"), Compare.REDIRECT)
            .get("/-/quit")
            .get("/pgw/-/quit")
            .get("/pgw/-/healthy")
            .build());
  }
}
