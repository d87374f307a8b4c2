-- After-action exports of a room (the media function): one row per requested export, the job's state
-- and progress, and where its archive lies in S3 once done. A running job renews heartbeat_at; a job
-- whose heartbeat is older than the function's stale limit (its instance went away) is claimed again
-- by the next instance that looks at it, under a new run_id, and the old run stops at its next step.
create table room_exports (
  id            uuid primary key,
  room_id       uuid not null references rooms (id) on delete cascade,
  requested_by  uuid not null references users (id),
  window_from   timestamptz not null,
  window_to     timestamptz not null,
  state         text not null check (state in ('queued', 'running', 'done', 'failed', 'cancelled')),
  progress      integer not null default 0 check (progress between 0 and 100),
  run_id        uuid,
  heartbeat_at  timestamptz,
  requested_at  timestamptz not null,
  finished_at   timestamptz,
  object_key    text unique,
  size_bytes    bigint check (size_bytes >= 0),
  file_count    integer check (file_count >= 0),
  failure       text,
  check (window_from < window_to),
  check ((state in ('done', 'failed', 'cancelled')) = (finished_at is not null)),
  check ((state = 'done') = (object_key is not null))
);
create index room_exports_room on room_exports (room_id, requested_at);
