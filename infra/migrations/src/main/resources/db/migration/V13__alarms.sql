-- Emergency alarms ("Notruf"). One alarm concerns one or more rooms (alarm_rooms); its state moves
-- raised -> acknowledged -> resolved, or to cancelled by the raiser. renotify_due_at is when an
-- alarm nobody acknowledged is announced again: set while raised, null once acknowledged or ended,
-- so the chat instances claim due alarms with one indexed UPDATE ... SKIP LOCKED.
create table alarms (
  id                 uuid primary key,
  raised_by          uuid not null references users (id),
  kind               text not null check (kind in ('emergency', 'in_contact', 'custom')),
  text               text check (length(text) between 1 and 500),
  lon                double precision check (lon between -180 and 180),
  lat                double precision check (lat between -90 and 90),
  accuracy           double precision check (accuracy between 0 and 100000),
  state              text not null check (state in ('raised', 'acknowledged', 'resolved', 'cancelled')),
  raised_at          timestamptz not null,
  ended_at           timestamptz,
  ended_by           uuid references users (id),
  renotify_due_at    timestamptz,
  renotifications    integer not null default 0 check (renotifications >= 0),
  sharing_overridden boolean not null default false,
  check ((lon is null) = (lat is null)),
  check (accuracy is null or lat is not null),
  check (kind <> 'custom' or text is not null),
  check ((state in ('resolved', 'cancelled')) = (ended_at is not null)),
  check (renotify_due_at is null or state = 'raised')
);
create index alarms_active_by_raiser on alarms (raised_by) where state in ('raised', 'acknowledged');
create index alarms_renotify_due on alarms (renotify_due_at) where renotify_due_at is not null;

create table alarm_rooms (
  alarm_id uuid not null references alarms (id) on delete cascade,
  room_id  uuid not null references rooms (id) on delete cascade,
  primary key (alarm_id, room_id)
);
create index alarm_rooms_room on alarm_rooms (room_id, alarm_id);

create table alarm_acknowledgements (
  alarm_id        uuid not null references alarms (id) on delete cascade,
  user_id         uuid not null references users (id),
  acknowledged_at timestamptz not null,
  primary key (alarm_id, user_id)
);
