-- The job list reads a page of jobs newest first: ORDER BY created_at DESC, id, with LIMIT and
-- OFFSET, filtered by workspace and optionally by script, schedule, state or worker. The V1
-- indexes end with created_at ascending and without id, so the databases sorted every matching
-- row before taking a page (H2 took seconds for 100,000 jobs, and picked the unique index of
-- active_schedule to do it). These indexes hold each filter's rows already in the list's order,
-- so a page reads only the rows up to its end. (V2 is taken by another change of the runner.)

DROP INDEX job_created;
DROP INDEX job_script;
DROP INDEX job_schedule;

CREATE INDEX job_list ON job (workspace_id, created_at DESC, id);
CREATE INDEX job_list_script ON job (workspace_id, script_path, created_at DESC, id);
CREATE INDEX job_list_schedule ON job (workspace_id, schedule_path, created_at DESC, id);
CREATE INDEX job_list_state ON job (workspace_id, state, created_at DESC, id);
CREATE INDEX job_list_worker ON job (workspace_id, worker, created_at DESC, id);
