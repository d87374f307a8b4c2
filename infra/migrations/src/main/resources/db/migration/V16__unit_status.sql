-- Unit status (FMS-style) of room members. Every status an officer sets in a room is a row of
-- unit_status_changes, kept as the history; a member's current status in a room is their change
-- with the highest seq (the seq of its unit.status_changed event: within a room, commit order).
-- The labels and the urgency are those of the deployment's catalogue when the status was set, so
-- the record and the map read the same even after the catalogue changes.
create table unit_status_requests (
  id           uuid primary key,
  room_id      uuid not null references rooms (id) on delete cascade,
  requested_by uuid not null references users (id),
  user_id      uuid references users (id),
  seq          bigint not null check (seq > 0),
  requested_at timestamptz not null
);
comment on column unit_status_requests.user_id is 'the member asked, null: every member of the room';
create index unit_status_requests_room on unit_status_requests (room_id, seq);

create table unit_status_changes (
  id          uuid primary key,
  room_id     uuid not null references rooms (id) on delete cascade,
  user_id     uuid not null references users (id),
  code        text not null check (code ~ '^[0-9A-Za-z]{1,8}$'),
  short_label text not null check (length(short_label) between 1 and 40),
  label       text not null check (length(label) between 1 and 200),
  urgent      boolean not null,
  seq         bigint not null check (seq > 0),
  set_at      timestamptz not null,
  unique (room_id, seq)
);
create index unit_status_changes_member on unit_status_changes (room_id, user_id, seq desc);

-- Which requests a status change answered: a member's first change after a request answers it.
create table unit_status_answers (
  request_id uuid not null references unit_status_requests (id) on delete cascade,
  user_id    uuid not null references users (id),
  change_id  uuid not null references unit_status_changes (id) on delete cascade,
  primary key (request_id, user_id)
);
create index unit_status_answers_change on unit_status_answers (change_id);
