-- The runner's schema. The same file migrates H2 and PostgreSQL, so it uses only types and
-- constraints both accept: VARCHAR without a length is unbounded in both.

CREATE TABLE workspace (
  id VARCHAR(64) PRIMARY KEY,
  name VARCHAR(255) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO workspace (id, name, created_at) VALUES ('demo', 'demo', CURRENT_TIMESTAMP);

-- Windmill's workspace_env: custom variables every job of the workspace gets in its environment.
CREATE TABLE workspace_env (
  workspace_id VARCHAR(64) NOT NULL REFERENCES workspace (id),
  name VARCHAR(255) NOT NULL,
  var_value VARCHAR NOT NULL,
  PRIMARY KEY (workspace_id, name)
);

-- Every version of every script; the head of a path is its highest version.
CREATE TABLE script (
  workspace_id VARCHAR(64) NOT NULL REFERENCES workspace (id),
  hash VARCHAR(16) NOT NULL,
  path VARCHAR(255) NOT NULL,
  version INTEGER NOT NULL,
  parent_hash VARCHAR(16),
  language VARCHAR(32) NOT NULL,
  content VARCHAR NOT NULL,
  content_hash VARCHAR(64) NOT NULL,
  summary VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  params_json VARCHAR NOT NULL,
  schema_json VARCHAR NOT NULL,
  timeout_ms BIGINT,
  idempotent BOOLEAN NOT NULL,
  created_by VARCHAR(255) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  archived BOOLEAN NOT NULL,
  extra_json VARCHAR NOT NULL,
  PRIMARY KEY (workspace_id, hash),
  CONSTRAINT script_version_unique UNIQUE (workspace_id, path, version)
);

CREATE TABLE schedule (
  workspace_id VARCHAR(64) NOT NULL REFERENCES workspace (id),
  path VARCHAR(255) NOT NULL,
  script_path VARCHAR(255) NOT NULL,
  args_json VARCHAR NOT NULL,
  cron VARCHAR(255) NOT NULL,
  timezone VARCHAR(64) NOT NULL,
  enabled BOOLEAN NOT NULL,
  paused_until TIMESTAMP WITH TIME ZONE,
  summary VARCHAR,
  description VARCHAR,
  skipped_count BIGINT NOT NULL,
  last_error VARCHAR,
  edited_by VARCHAR(255) NOT NULL,
  edited_at TIMESTAMP WITH TIME ZONE NOT NULL,
  email VARCHAR(255) NOT NULL,
  permissioned_as VARCHAR(255) NOT NULL,
  extra_json VARCHAR NOT NULL,
  PRIMARY KEY (workspace_id, path)
);

-- The queue and the history. active_schedule holds the schedule's path while the job is its
-- queued or running occurrence and is NULL otherwise; its unique constraint is what guarantees one
-- occurrence per schedule (NULLs are distinct in both databases, so finished jobs never collide).
CREATE TABLE job (
  id UUID PRIMARY KEY,
  workspace_id VARCHAR(64) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  script_path VARCHAR(255) NOT NULL,
  script_hash VARCHAR(16) NOT NULL,
  language VARCHAR(32) NOT NULL,
  schedule_path VARCHAR(255),
  active_schedule VARCHAR(255),
  args_json VARCHAR NOT NULL,
  state VARCHAR(16) NOT NULL,
  scheduled_for TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by VARCHAR(255) NOT NULL,
  permissioned_as VARCHAR(255) NOT NULL,
  email VARCHAR(255) NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE,
  ended_at TIMESTAMP WITH TIME ZONE,
  duration_ms BIGINT,
  exit_code INTEGER,
  result_json VARCHAR,
  error VARCHAR,
  worker VARCHAR(255),
  attempt INTEGER NOT NULL,
  cancel_requested BOOLEAN NOT NULL,
  canceled_by VARCHAR(255),
  canceled_reason VARCHAR,
  ping_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT job_one_occurrence_per_schedule UNIQUE (workspace_id, active_schedule)
);

CREATE INDEX job_state_due ON job (state, scheduled_for);
CREATE INDEX job_created ON job (workspace_id, created_at);
CREATE INDEX job_script ON job (workspace_id, script_path, created_at);
CREATE INDEX job_schedule ON job (workspace_id, schedule_path, created_at);
CREATE INDEX job_ended ON job (ended_at);

-- A job's log in chunks, keyed by the character offset where each chunk starts.
CREATE TABLE job_log (
  job_id UUID NOT NULL,
  start_offset BIGINT NOT NULL,
  end_offset BIGINT NOT NULL,
  chunk VARCHAR NOT NULL,
  PRIMARY KEY (job_id, start_offset)
);

CREATE TABLE worker (
  name VARCHAR(255) PRIMARY KEY,
  worker_group VARCHAR(255) NOT NULL,
  instance VARCHAR(64) NOT NULL,
  slots INTEGER NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  ping_at TIMESTAMP WITH TIME ZONE NOT NULL,
  jobs_executed BIGINT NOT NULL
);

-- Run statistics for the job metrics, so every process reports the same numbers. One row per
-- (series, histogram bucket): kind 'run' is a job's duration by script, schedule and status
-- (bucket -1 for a job that never started); kind 'delay' is a scheduled job's start delay.
CREATE TABLE run_stat (
  workspace_id VARCHAR(64) NOT NULL,
  kind VARCHAR(8) NOT NULL,
  script_path VARCHAR(255) NOT NULL,
  schedule_path VARCHAR(255) NOT NULL,
  status VARCHAR(16) NOT NULL,
  bucket INTEGER NOT NULL,
  samples BIGINT NOT NULL,
  sum_seconds DOUBLE PRECISION NOT NULL,
  last_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (workspace_id, kind, script_path, schedule_path, status, bucket)
);
