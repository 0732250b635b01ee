package io.pushmill.server.compat;

import static io.pushmill.server.compat.DiffCase.builder;

import java.util.List;

/** The consistency check and the poisoned-store pitfalls: spec §2.5, §2.9, §7 rows 44–46, 98–99. */
final class ConsistencyCases {
  private ConsistencyCases() {}

  static List<DiffCase> cases() {
    return List.of(
        builder(44, "go_goroutines pushed as a counter", "§7 row 44")
            .put("/metrics/job/{job}", "# TYPE go_goroutines counter\ngo_goroutines 1\n")
            .consistencyError()
            .build(),
        builder(45, "a valid push after a rejected one keeps the failure time", "§7 rows 44–45")
            .put("/metrics/job/{job}", "# TYPE process_start_time_seconds counter\nprocess_start_time_seconds 1\n")
            .consistencyError()
            .put("/metrics/job/{job}", "m45 1\n")
            .build(),
        builder(46, "a series identical to another group's is refused; the new group records it", "§7 row 46")
            .put("/metrics/job/{job}/instance/i", "m46 1\n")
            .put("/metrics/job/{job}", "m46{instance=\"i\"} 2\n")
            .consistencyError()
            .build(),
        builder(98, "instance=\"\" beside the same group without it", "§7 row 98, §2.9 pitfall 3b")
            .put("/metrics/job/{job}", "gi 1\n")
            .put("/metrics/job/{job}/instance@base64/=", "gi 2\n")
            .consistencyError()
            .put("/metrics/job/{job}/other/1", "m98 3\n")
            .consistencyError()
            .build(),
        builder(99, "invalid UTF-8 in a grouping value", "§7 row 99, §2.9 pitfall 3a")
            .put("/metrics/job/{job}/v@base64/_w", "m99 1\n")
            .consistencyError()
            .put("/metrics/job/{job}/other/1", "m99 2\n")
            .consistencyError()
            .build(),
        builder(109, "the same name with another TYPE in another group", "§8 V9")
            .put("/metrics/job/{job}/g/1", "# TYPE tcm counter\ntcm 1\n")
            .put("/metrics/job/{job}/g/2", "# TYPE tcm gauge\ntcm 2\n")
            .consistencyError()
            .build(),
        builder(110, "the same series from two groups after sanitising", "§8 V10")
            .put("/metrics/job/{job}", "dupm{instance=\"a\"} 1\n")
            .put("/metrics/job/{job}/instance/a", "dupm 2\n")
            .consistencyError()
            .build(),
        builder(111, "go_goroutines untyped; then typed gauge with a foreign HELP", "§8 V11")
            .put("/metrics/job/{job}", "go_goroutines 5\n")
            .consistencyError()
            .put("/metrics/job/{job}/g/2", "# TYPE go_goroutines gauge\n# HELP go_goroutines Foreign help.\ngo_goroutines 5\n")
            .build(),
        builder(124, "a summary after a gauge of the same name elsewhere (Python's shape)", "§8 V24")
            .put("/metrics/job/{job}/g/1", "# HELP py_conf A gauge.\n# TYPE py_conf gauge\npy_conf 1.0\n")
            .put("/metrics/job/{job}/g/2",
                "# HELP py_conf A summary.\n# TYPE py_conf summary\npy_conf_count 0.0\npy_conf_sum 0.0\n"
                    + "# HELP py_conf_created A summary.\n# TYPE py_conf_created gauge\npy_conf_created 1.7e+09\n")
            .consistencyError()
            .build(),
        builder(190, "x_count beside a summary x in another group", "§2.5 suffix collisions")
            .put("/metrics/job/{job}/g/1", "# TYPE scs summary\nscs_count 1\nscs_sum 2\n")
            .put("/metrics/job/{job}/g/2", "scs_count 3\n")
            .consistencyError()
            .build(),
        builder(191, "x_bucket beside a histogram x in another group", "§2.5 suffix collisions")
            .put("/metrics/job/{job}/g/1", "# TYPE sch histogram\nsch_bucket{le=\"+Inf\"} 1\nsch_count 1\nsch_sum 2\n")
            .put("/metrics/job/{job}/g/2", "sch_bucket{le=\"1\"} 3\n")
            .consistencyError()
            .build(),
        builder(192, "a summary x after x_count in another group", "§2.5 suffix collisions, reverse")
            .put("/metrics/job/{job}/g/1", "rev_count 3\n")
            .put("/metrics/job/{job}/g/2", "# TYPE rev summary\nrev_count 1\nrev_sum 2\n")
            .consistencyError()
            .put("/metrics/job/{job}/g/3", "# TYPE rev_sum gauge\nrev_sum 1\n")
            .build(),
        builder(193, "an own metric name pushed with another type", "§2.5, §6")
            .put("/metrics/job/{job}", "process_start_time_seconds 5\n")
            .consistencyError()
            .put("/metrics/job/{job}", "# TYPE pushgateway_build_info counter\npushgateway_build_info 1\n")
            .consistencyError()
            .build(),
        builder(194, "an own metric name with its type and a foreign HELP is shown with the built-in HELP", "§2.5, §7 row 55")
            .keepOwn("pushgateway_build_info")
            .put("/metrics/job/{job}",
                "# HELP pushgateway_build_info Foreign help.\n# TYPE pushgateway_build_info gauge\npushgateway_build_info 1\n")
            .build(),
        builder(195, "a label moving from the URL into the body duplicates a series", "§2.9 pitfall 4")
            .put("/metrics/job/{job}/tag/v1", "m195 1\n")
            .put("/metrics/job/{job}", "m195{tag=\"v1\"} 2\n")
            .consistencyError()
            .build(),
        builder(196, "an inconsistent store blocks no push once the group is deleted", "§2.5 check 4")
            .put("/metrics/job/{job}/g/1", "# TYPE m196 counter\nm196 1\n")
            .put("/metrics/job/{job}/g/2", "# TYPE m196 gauge\nm196 1\n")
            .consistencyError()
            .delete("/metrics/job/{job}/g/1")
            .put("/metrics/job/{job}/g/3", "# TYPE m196 gauge\nm196 1\n")
            .build(),
        builder(197, "a failed POST keeps the group's families", "§2.3")
            .put("/metrics/job/{job}", "a197 1\n")
            .post("/metrics/job/{job}", "a197 2\nb197 1 5\n")
            .build());
  }
}
