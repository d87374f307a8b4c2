-- Push to devices in the background (functions/push). A user's push targets: Web Push
-- subscriptions of browsers and installed web apps, and native apps' targets at a push gateway
-- (the Matrix push gateway API). A Web Push endpoint or a gateway pushkey belongs to one device;
-- registering it again (also by another user signing in on that device) keeps the one row.
create table push_devices (
  id         uuid primary key,
  user_id    uuid not null references users (id) on delete cascade,
  kind       text not null check (kind in ('web_push', 'gateway')),
  endpoint   text check (length(endpoint) between 1 and 2048),
  p256dh     text check (length(p256dh) between 1 and 200),
  auth       text check (length(auth) between 1 and 100),
  app_id     text check (length(app_id) between 1 and 200),
  pushkey    text check (length(pushkey) between 1 and 2048),
  created_at timestamptz not null,
  check ((kind = 'web_push') = (endpoint is not null and p256dh is not null and auth is not null)),
  check ((kind = 'gateway') = (app_id is not null and pushkey is not null)),
  check (kind = 'web_push' or endpoint is null),
  check (kind = 'gateway' or app_id is null)
);
create unique index push_devices_endpoint on push_devices (endpoint) where endpoint is not null;
create unique index push_devices_gateway on push_devices (app_id, pushkey) where app_id is not null;
create index push_devices_user on push_devices (user_id, created_at);

-- Off duty: only urgent pushes reach the user's devices.
create table push_duty (
  user_id    uuid primary key references users (id) on delete cascade,
  off_duty   boolean not null,
  changed_at timestamptz not null
);

-- Chats a user muted: nothing but urgent pushes from them.
create table push_chat_mutes (
  user_id  uuid not null references users (id) on delete cascade,
  chat_id  uuid not null references chats (id) on delete cascade,
  muted_at timestamptz not null,
  primary key (user_id, chat_id)
);

-- The push consumer's durable cursor per room: the last seq of the room's log it has turned into
-- deliveries. Existing rooms start at their current end (no pushes for the past); a room without a
-- row is newer than this migration and is read from its start.
create table push_cursors (
  room_id  uuid primary key references rooms (id) on delete cascade,
  last_seq bigint not null check (last_seq >= 0)
);
insert into push_cursors (room_id, last_seq) select id, last_seq from rooms;

-- One push of one event to one device: the primary key makes it once per (event, device), whatever
-- the number of consumers. topic is the Web Push Topic (a chat's or an alarm's id in hex): a
-- message waiting for its device's next slot in a chat collapses newer ones. collapse_key makes one
-- push of what several events announce (an alarm appended to each of its rooms). Senders claim due
-- rows with FOR UPDATE SKIP LOCKED.
create table push_deliveries (
  event_id    uuid not null references events (id) on delete cascade,
  device_id   uuid not null references push_devices (id) on delete cascade,
  priority    text not null check (priority in ('urgent', 'normal')),
  topic       text check (length(topic) between 1 and 32),
  collapse_key text check (length(collapse_key) between 1 and 80),
  payload     jsonb not null,
  created_at  timestamptz not null,
  due_at      timestamptz not null,
  attempts    integer not null default 0 check (attempts >= 0),
  state       text not null default 'pending' check (state in ('pending', 'sent', 'failed')),
  finished_at timestamptz,
  primary key (event_id, device_id),
  check ((state = 'pending') = (finished_at is null))
);
create index push_deliveries_due on push_deliveries (priority, due_at) where state = 'pending';
create unique index push_deliveries_collapse on push_deliveries (device_id, collapse_key) where collapse_key is not null;
create index push_deliveries_topic on push_deliveries (device_id, topic, created_at) where topic is not null;
