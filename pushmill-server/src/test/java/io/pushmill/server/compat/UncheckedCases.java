package io.pushmill.server.compat;

import static io.pushmill.server.compat.DiffCase.builder;

import java.util.List;

/** {@code --push.disable-consistency-check}: 202 answers, and what a scrape then shows (§2.3, §2.9). */
final class UncheckedCases {
  private UncheckedCases() {}

  static List<DiffCase> cases() {
    return List.of(
        builder(119, "unchecked: two conflicting TYPEs, then a scrape", "§8 V19, §2.9 pitfall 1")
            .on(Setup.UNCHECKED)
            .put("/metrics/job/{job}/g/1", "# TYPE um counter\num 1\n")
            .put("/metrics/job/{job}/g/2", "# TYPE um gauge\num 2\n")
            .build(),
        builder(220, "unchecked: PUT, POST and DELETE answer 202", "§2.3")
            .on(Setup.UNCHECKED)
            .put("/metrics/job/{job}", "a220 1\n")
            .post("/metrics/job/{job}", "b220 2\n")
            .put("/metrics/job/{job}/g/2", "c220 3\n")
            .delete("/metrics/job/{job}/g/2")
            .build(),
        builder(221, "unchecked: a timestamp is accepted with 202 and then fails", "§2.5 check 1")
            .on(Setup.UNCHECKED)
            .put("/metrics/job/{job}", "a221 1\n")
            .put("/metrics/job/{job}", "a221 2 1000\n")
            .build(),
        builder(222, "unchecked: URL and parse errors are still 400", "§2.2, §2.3")
            .on(Setup.UNCHECKED)
            .put("/metrics/job/{job}/odd", "m 1\n")
            .put("/metrics/job/{job}", "m 1")
            .build(),
        builder(223, "unchecked: a duplicate series inside one push", "§2.9 pitfall 1")
            .on(Setup.UNCHECKED)
            .put("/metrics/job/{job}", "d223 1\nd223 2\n")
            .build());
  }
}
