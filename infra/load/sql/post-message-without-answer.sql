-- pgbench script: post-message.sql without the stored answer (no client_writes row): what the send
-- statement cost before every write kept its first answer for retries.
\set i random(1, 50)
\set n random(1, 1000000)
with member as (
  select m.room_id from chat_members m
   where m.chat_id = ('20000000-0000-0000-0000-' || lpad(:i::text, 12, '0'))::uuid and m.user_id = '00000000-0000-0000-0000-0000000000aa' and m.can_write
), room as (
  update rooms r set last_seq = r.last_seq + 1
    from member where r.id = member.room_id and r.closed_at is null
  returning r.id, r.last_seq
), answer as (
  select room.id as room_id, room.last_seq as seq,
         '{"kind":"text","body":"x"}'::text::jsonb || jsonb_build_object('roomId', room.id, 'seq', room.last_seq) as view
    from room
), ids as (select gen_random_uuid() as mid, gen_random_uuid() as cid, gen_random_uuid() as eid
), message as (
  insert into messages (id, chat_id, room_id, seq, author_id, client_id, kind, body, created_at)
  select ids.mid, ('20000000-0000-0000-0000-' || lpad(:i::text, 12, '0'))::uuid, answer.room_id, answer.seq, '00000000-0000-0000-0000-0000000000aa', ids.cid, 'text',
         'Lage am Hauptbahnhof Nord: Fahrzeug HH-AB ' || :n || ' gesichtet, Zufahrt Ost bitte freihalten', now() from answer, ids
), event as (
  insert into events (id, room_id, seq, chat_id, type, actor_id, payload, created_at)
  select ids.eid, answer.room_id, answer.seq, ('20000000-0000-0000-0000-' || lpad(:i::text, 12, '0'))::uuid, 'message.created', '00000000-0000-0000-0000-0000000000aa', answer.view, now() from answer, ids
)
select room_id, seq from answer;
