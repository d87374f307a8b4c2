-- The whole Lagebild schema (DESIGN.md "Data and schema"). Ids are UUIDs made by the functions
-- (v7, time-ordered); times are UTC timestamptz. PostGIS is created by the local scripts and by
-- the cluster's bootstrap as a superuser; this migration only checks that it is there.
do $$
begin
  if not exists (select 1 from pg_extension where extname = 'postgis') then
    raise exception 'PostGIS is missing: run CREATE EXTENSION postgis as a superuser first';
  end if;
end $$;

-- pg_trgm is a trusted extension: the database owner may create it (directory search by name).
create extension if not exists pg_trgm;

-- Users, created or refreshed from the token's claims on first use.
create table users (
  id                uuid primary key,
  subject           text not null unique,
  username          text not null,
  display_name      text not null,
  unit              text,
  created_at        timestamptz not null default now(),
  last_seen_at      timestamptz not null default now(),
  sharing_paused_at timestamptz
);
create index users_display_name_trgm on users using gin (lower(display_name) gin_trgm_ops);
create index users_username_trgm on users using gin (lower(username) gin_trgm_ops);

-- The event log's epoch: a client cursor from another epoch (say, after a restore) gets "reload".
create table log_epoch (
  singleton boolean primary key default true check (singleton),
  epoch     uuid not null
);
insert into log_epoch (epoch) values (gen_random_uuid());

-- Operation rooms ("Einsatzraum"). last_seq is the room's event counter: incremented under the
-- room's row lock in the transaction that appends the event, so seq order is commit order.
create table rooms (
  id           uuid primary key,
  name         text not null check (length(name) between 1 and 200),
  description  text not null default '' check (length(description) <= 4000),
  area_geojson text,
  area         geometry(Geometry, 4326)
               generated always as (st_setsrid(st_geomfromgeojson(area_geojson), 4326)) stored,
  created_by   uuid not null references users (id),
  created_at   timestamptz not null default now(),
  closed_at    timestamptz,
  closed_by    uuid references users (id),
  last_seq     bigint not null default 0 check (last_seq >= 0)
);

create table room_members (
  room_id  uuid not null references rooms (id) on delete cascade,
  user_id  uuid not null references users (id),
  role     text not null check (role in ('manager', 'member')),
  added_by uuid not null references users (id),
  added_at timestamptz not null default now(),
  primary key (room_id, user_id)
);
create index room_members_user on room_members (user_id);

create table chats (
  id         uuid primary key,
  room_id    uuid not null references rooms (id) on delete cascade,
  name       text not null check (length(name) between 1 and 200),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index chats_room on chats (room_id);

-- Chat permissions: read, write, manage. read_up_to_seq is the member's read marker.
create table chat_members (
  chat_id        uuid not null references chats (id) on delete cascade,
  user_id        uuid not null references users (id),
  room_id        uuid not null references rooms (id) on delete cascade,
  can_read       boolean not null default true,
  can_write      boolean not null default true,
  can_manage     boolean not null default false,
  added_by       uuid not null references users (id),
  added_at       timestamptz not null default now(),
  read_up_to_seq bigint not null default 0 check (read_up_to_seq >= 0),
  primary key (chat_id, user_id)
);
create index chat_members_user on chat_members (user_id);
create index chat_members_room_user on chat_members (room_id, user_id);

-- The record of everything a client must not miss. (room_id, seq) has no gaps and is commit
-- order; client_id makes client writes idempotent.
create table events (
  id         uuid primary key,
  room_id    uuid not null references rooms (id) on delete cascade,
  seq        bigint not null check (seq > 0),
  chat_id    uuid references chats (id) on delete cascade,
  type       text not null check (type ~ '^[a-z]+(\.[a-z_]+)+$'),
  actor_id   uuid references users (id),
  client_id  uuid unique,
  payload    jsonb not null,
  created_at timestamptz not null default now(),
  unique (room_id, seq)
);
create index events_chat_seq on events (chat_id, seq) where chat_id is not null;

-- Points of interest on a chat's map.
create table pois (
  id          uuid primary key,
  chat_id     uuid not null references chats (id) on delete cascade,
  room_id     uuid not null references rooms (id) on delete cascade,
  created_by  uuid not null references users (id),
  name        text not null check (length(name) between 1 and 200),
  description text not null default '' check (length(description) <= 4000),
  category    text not null default 'generic' check (length(category) between 1 and 50),
  lat         double precision not null check (lat between -90 and 90),
  lon         double precision not null check (lon between -180 and 180),
  geom        geometry(Point, 4326) generated always as (st_setsrid(st_makepoint(lon, lat), 4326)) stored,
  version     integer not null default 1,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  deleted_at  timestamptz
);
create index pois_chat on pois (chat_id) where deleted_at is null;

-- Photos and files stored in S3 by the media function; object keys are made by the server.
create table attachments (
  id           uuid primary key,
  chat_id      uuid not null references chats (id) on delete cascade,
  room_id      uuid not null references rooms (id) on delete cascade,
  uploaded_by  uuid not null references users (id),
  client_id    uuid unique,
  kind         text not null check (kind in ('photo', 'file')),
  status       text not null check (status in ('pending', 'ready', 'failed')),
  content_type text not null,
  file_name    text not null check (length(file_name) between 1 and 255),
  size_bytes   bigint check (size_bytes >= 0),
  width        integer check (width > 0),
  height       integer check (height > 0),
  sha256       text,
  object_key   text not null unique,
  thumb_key    text unique,
  original_key text unique,
  created_at   timestamptz not null default now(),
  ready_at     timestamptz
);
create index attachments_pending on attachments (created_at) where status = 'pending';

-- Chat messages; seq is the seq of the event that created the message.
create table messages (
  id            uuid primary key,
  chat_id       uuid not null references chats (id) on delete cascade,
  room_id       uuid not null references rooms (id) on delete cascade,
  seq           bigint not null,
  author_id     uuid not null references users (id),
  client_id     uuid not null unique,
  kind          text not null check (kind in ('text', 'poi', 'location', 'photo', 'file')),
  body          text check (length(body) <= 4000),
  poi_id        uuid references pois (id),
  attachment_id uuid references attachments (id),
  lat           double precision check (lat between -90 and 90),
  lon           double precision check (lon between -180 and 180),
  accuracy_m    double precision check (accuracy_m >= 0),
  created_at    timestamptz not null default now(),
  edited_at     timestamptz,
  deleted_at    timestamptz,
  deleted_by    uuid references users (id),
  unique (chat_id, seq)
);

-- Latest position per user and the track history.
create table positions_latest (
  user_id     uuid primary key references users (id),
  lat         double precision not null check (lat between -90 and 90),
  lon         double precision not null check (lon between -180 and 180),
  accuracy_m  double precision check (accuracy_m >= 0),
  heading_deg double precision check (heading_deg >= 0 and heading_deg < 360),
  speed_mps   double precision check (speed_mps >= 0),
  altitude_m  double precision,
  recorded_at timestamptz not null,
  received_at timestamptz not null default now(),
  geom        geometry(Point, 4326) generated always as (st_setsrid(st_makepoint(lon, lat), 4326)) stored
);

create table position_track (
  user_id     uuid not null references users (id),
  recorded_at timestamptz not null,
  lat         double precision not null check (lat between -90 and 90),
  lon         double precision not null check (lon between -180 and 180),
  accuracy_m  double precision check (accuracy_m >= 0),
  heading_deg double precision check (heading_deg >= 0 and heading_deg < 360),
  speed_mps   double precision check (speed_mps >= 0),
  altitude_m  double precision,
  received_at timestamptz not null default now(),
  primary key (user_id, recorded_at)
);
create index position_track_recorded on position_track using brin (recorded_at);

-- Map data layers and their features (always EPSG:4326).
create table layers (
  id             text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name           text not null check (length(name) between 1 and 200),
  description    text not null default '',
  category       text not null default 'other',
  attribution    text not null default '',
  source_kind    text check (source_kind in ('wfs', 'geojson', 'upload')),
  source_url     text,
  source_crs     text,
  feature_count  integer not null default 0,
  content_version bigint not null default 0,
  last_import_at timestamptz,
  created_at     timestamptz not null default now()
);

create table layer_features (
  id          bigint generated always as identity primary key,
  layer_id    text not null references layers (id) on delete cascade,
  external_id text,
  properties  jsonb not null default '{}',
  geom        geometry(Geometry, 4326) not null
);
create index layer_features_layer on layer_features (layer_id);
create index layer_features_geom on layer_features using gist (geom);

create table layer_imports (
  id             uuid primary key,
  layer_id       text not null references layers (id) on delete cascade,
  triggered_by   text not null,
  started_at     timestamptz not null default now(),
  finished_at    timestamptz,
  status         text not null check (status in ('running', 'succeeded', 'failed')),
  read_count     integer not null default 0,
  stored_count   integer not null default 0,
  rejected_count integer not null default 0,
  report         jsonb not null default '{}'
);
create index layer_imports_layer on layer_imports (layer_id, started_at desc);

-- Who changed which membership or permission, when. Append-only: nobody alters the record.
create table audit_log (
  id         uuid primary key,
  at         timestamptz not null default now(),
  actor_id   uuid not null,
  room_id    uuid,
  chat_id    uuid,
  subject_id uuid,
  action     text not null,
  details    jsonb not null default '{}'
);
create index audit_log_room on audit_log (room_id, at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete or truncate on audit_log
  for each statement execute function audit_log_is_append_only();
