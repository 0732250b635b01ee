package io.pushmill.server.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pushmill.runner.SettableClock;
import io.pushmill.runner.exec.Language;
import io.pushmill.runner.model.Job;
import io.pushmill.runner.model.JobKind;
import io.pushmill.runner.model.JobState;
import io.pushmill.runner.model.ScriptPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobTokensTest {
  static final UUID ID = UUID.fromString("8d6f0e2a-1111-4222-8333-944455556666");
  final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));
  final JobTokens tokens = JobTokens.create(AdminToken.of("admin-secret"), clock,
      job -> Duration.ofMinutes(5));

  static Job job(String workspace) {
    return new Job(ID, workspace, JobKind.SCRIPT, ScriptPath.of("u/admin/x"), "0123456789abcdef",
        Language.BASH, Optional.empty(), JsonNodeFactory.instance.objectNode(), JobState.RUNNING,
        Instant.EPOCH, Instant.EPOCH, "admin", "u/admin", "a@b", Optional.empty(),
        Optional.empty(), OptionalLong.empty(), OptionalInt.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), 1, false, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  @Test
  void a_token_names_its_job_and_workspace_until_the_timeout_plus_the_margin() {
    String token = tokens.tokenFor(job("demo"));

    Optional<JobTokens.Claim> claim = tokens.verify(token);

    assertThat(claim).contains(new JobTokens.Claim(ID, "demo",
        Instant.parse("2026-11-25T10:06:00Z")));
    clock.advance(Duration.ofMinutes(6).minusSeconds(1));
    assertThat(tokens.verify(token)).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.verify(token)).isEmpty();
  }

  @Test
  void another_admin_token_another_process_with_the_same_one_and_tampering_are_told_apart() {
    String token = tokens.tokenFor(job("demo"));
    JobTokens sameAdmin = JobTokens.create(AdminToken.of("admin-secret"), clock,
        job -> Duration.ZERO);
    JobTokens otherAdmin = JobTokens.create(AdminToken.of("other-secret"), clock,
        job -> Duration.ofMinutes(5));
    String forged = token.replace(java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("1:" + ID + ":demo:").getBytes()), java.util.Base64.getUrlEncoder()
        .withoutPadding().encodeToString(("1:" + ID + ":prod:").getBytes()));

    assertThat(sameAdmin.verify(token)).isPresent();
    assertThat(otherAdmin.verify(token)).isEmpty();
    assertThat(forged).isNotEqualTo(token);
    assertThat(tokens.verify(forged)).isEmpty();
    assertThat(tokens.verify("pmjob.garbage")).isEmpty();
    assertThat(tokens.verify("pmjob.a.b")).isEmpty();
    assertThat(tokens.verify("admin-secret")).isEmpty();
  }

  @Test
  void the_token_does_not_contain_the_admin_token() {
    assertThat(tokens.tokenFor(job("demo"))).startsWith("pmjob.").doesNotContain("admin-secret");
  }
}
