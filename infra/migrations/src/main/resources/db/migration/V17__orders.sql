-- Messages with a priority, and orders ("Auftrag"): messages that ask their recipients to
-- acknowledge or decline them. The recipients are frozen when the order is posted (the chat's
-- members holding read then, but the sender); each answers at most one way at a time.
alter table messages add column priority text not null default 'normal'
  check (priority in ('normal', 'important', 'urgent'));
alter table messages add column ack_requested boolean not null default false;

-- One row per order. remind_pending: an urgent order whose reminder has not been decided yet;
-- the chat instances claim due ones (posted_at older than the configured time) with one indexed
-- UPDATE ... SKIP LOCKED, so exactly one instance sends its one reminder.
create table orders (
  message_id     uuid primary key references messages (id) on delete cascade,
  room_id        uuid not null references rooms (id) on delete cascade,
  chat_id        uuid not null references chats (id) on delete cascade,
  seq            bigint not null check (seq > 0),
  sent_by        uuid not null references users (id),
  posted_at      timestamptz not null,
  remind_pending boolean not null,
  reminded_at    timestamptz,
  unique (room_id, seq)
);
create index orders_reminder_due on orders (posted_at) where remind_pending;

-- delivered_at: when the order's frame was first handed to one of the recipient's stream sockets
-- (live or in a replay), recorded in batches off the delivery path.
create table order_recipients (
  message_id   uuid not null references orders (message_id) on delete cascade,
  user_id      uuid not null references users (id),
  answer       text check (answer in ('acknowledged', 'declined')),
  reason       text check (length(reason) between 1 and 200),
  answered_at  timestamptz,
  delivered_at timestamptz,
  primary key (message_id, user_id),
  check ((answer is null) = (answered_at is null)),
  check (reason is null or answer = 'declined')
);
