-- Run statistics in shards. Every completion of a script updates its series' row in the same
-- transaction as the verdict, so with one row per series concurrent completions queued behind
-- each other's commit on that row (PostgreSQL showed them waiting on its lock). A completion now
-- updates the shard of its worker thread; readers add the shards up. The table is rebuilt rather
-- than altered because H2 and PostgreSQL name and drop primary keys differently.

CREATE TABLE run_stat_sharded (
  workspace_id VARCHAR(64) NOT NULL,
  kind VARCHAR(8) NOT NULL,
  script_path VARCHAR(255) NOT NULL,
  schedule_path VARCHAR(255) NOT NULL,
  status VARCHAR(16) NOT NULL,
  bucket INTEGER NOT NULL,
  shard INTEGER NOT NULL,
  samples BIGINT NOT NULL,
  sum_seconds DOUBLE PRECISION NOT NULL,
  last_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (workspace_id, kind, script_path, schedule_path, status, bucket, shard)
);

INSERT INTO run_stat_sharded (workspace_id, kind, script_path, schedule_path, status, bucket,
    shard, samples, sum_seconds, last_at)
  SELECT workspace_id, kind, script_path, schedule_path, status, bucket, 0, samples, sum_seconds,
    last_at
  FROM run_stat;

DROP TABLE run_stat;

ALTER TABLE run_stat_sharded RENAME TO run_stat;
