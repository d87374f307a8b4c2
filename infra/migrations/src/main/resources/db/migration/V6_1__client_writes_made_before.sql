-- Client ids used before client_writes existed (kept on their events) stay used: a retry of such a
-- request is answered 409 instead of being written a second time. Their first answers were not
-- kept, so they cannot be replayed.
insert into client_writes (client_id, actor_id, operation, fingerprint, created_at)
select client_id, actor_id, 'made-before-client-writes', '', created_at
  from events
 where client_id is not null and actor_id is not null
on conflict (client_id) do nothing;
