package io.pushmill.runner.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushmill.runner.model.JobQuery;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.ScriptPath;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobFilterTest {
  static final ScriptPath SCRIPT = ScriptPath.of("u/admin/x");

  private static String order(JobQuery q) {
    return JobFilter.of("demo", q).orderBy();
  }

  @Test
  void the_order_leads_with_the_columns_the_filter_fixes_so_an_index_serves_the_page() {
    assertThat(order(JobQuery.all())).isEqualTo("workspace_id, created_at DESC, id");
    assertThat(order(JobQuery.all().withScriptPath(SCRIPT).withWorker("w")))
        .isEqualTo("workspace_id, script_path, created_at DESC, id");
    assertThat(order(JobQuery.all().withSchedulePath(SCRIPT).withStates(Set.of(JobState.FAILURE))))
        .isEqualTo("workspace_id, schedule_path, created_at DESC, id");
    assertThat(order(JobQuery.all().withWorker("w").withMinDuration(Duration.ofSeconds(1))))
        .isEqualTo("workspace_id, worker, created_at DESC, id");
    assertThat(order(JobQuery.all().withStates(Set.of(JobState.FAILURE))))
        .isEqualTo("workspace_id, state, created_at DESC, id");
    assertThat(order(JobQuery.all().withRunning(true)))
        .isEqualTo("workspace_id, state, created_at DESC, id");
    assertThat(order(JobQuery.all().withSuccess(true)))
        .isEqualTo("workspace_id, state, created_at DESC, id");
  }

  @Test
  void several_states_keep_the_plain_order() {
    assertThat(order(JobQuery.all().withStates(Set.of(JobState.FAILURE, JobState.CANCELED))))
        .isEqualTo("workspace_id, created_at DESC, id");
    assertThat(order(JobQuery.all().withSuccess(false)))
        .isEqualTo("workspace_id, created_at DESC, id");
    assertThat(order(JobQuery.all().withRunning(true).withStates(Set.of(JobState.RUNNING))))
        .isEqualTo("workspace_id, created_at DESC, id");
  }

  @Test
  void the_new_filters_become_conditions_with_their_values() {
    JobFilter f = JobFilter.of("demo", JobQuery.all().withStates(Set.of(JobState.SUCCESS,
        JobState.QUEUED)).withWorker("w1").withMinDuration(Duration.ofMillis(1500))
        .withMaxDuration(Duration.ofSeconds(3)));
    assertThat(f.where()).isEqualTo("workspace_id = ? AND state IN (?, ?) AND worker = ?"
        + " AND duration_ms >= ? AND duration_ms <= ?");
    assertThat(f.args()).containsExactly("demo", "queued", "success", "w1", 1500L, 3000L);
  }
}
