-- Exactly-once client writes. A creating request claims its client id here first, in the
-- transaction that does the write: a concurrent retry waits on the primary key until the first
-- commits, then finds the stored answer.
-- `response` is the first answer's JSON text, from which the first answer and every retry are made
-- (the same bytes); `operation` and `fingerprint` (a hash of the request) tell a retry from another
-- request that reuses the client id (409). A claim that rolls back leaves nothing behind.
create table client_writes (
  client_id   uuid primary key,
  actor_id    uuid not null references users (id),
  operation   text not null,
  fingerprint text not null,
  response    text,
  created_at  timestamptz not null default now()
);
